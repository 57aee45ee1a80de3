#ifndef C_PLATFORM_SYSTEM_H
#define C_PLATFORM_SYSTEM_H

/// syncfs(2): writes out every dirty page of the file system that holds `descriptor` and waits for it,
/// reporting any write-back error. Swift's Glibc module does not import it (glibc declares it only under
/// _GNU_SOURCE). Where there is no syncfs (not Linux) it returns -1 with errno ENOSYS.
int c_platform_syncfs(int descriptor);

#endif
