#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include "CPlatformSystem.h"

int c_platform_syncfs(int descriptor) {
#ifdef __linux__
    return syncfs(descriptor);
#else
    (void)descriptor;
    errno = ENOSYS;
    return -1;
#endif
}
