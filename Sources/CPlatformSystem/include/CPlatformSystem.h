#ifndef C_PLATFORM_SYSTEM_H
#define C_PLATFORM_SYSTEM_H

/// syncfs(2): writes out every dirty page of the file system that holds `descriptor` and waits for it,
/// reporting any write-back error. Swift's Glibc module does not import it (glibc declares it only under
/// _GNU_SOURCE). Where there is no syncfs (not Linux) it returns -1 with errno ENOSYS.
int c_platform_syncfs(int descriptor);

/// sync_file_range(2) with SYNC_FILE_RANGE_WRITE over the whole file: starts writing the file's dirty pages
/// out and returns without waiting, so that a later sync finds less to wait for. Not a sync (nothing is
/// durable by it, and errors are left for the sync to report); does nothing where there is none (not Linux).
void c_platform_start_write_back(int descriptor);

#endif
