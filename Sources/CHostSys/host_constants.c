#define _GNU_SOURCE
#include <fcntl.h>
#include "CHostSys.h"

const int tinyrv_host_O_PATH = O_PATH;
const int tinyrv_host_O_TMPFILE = O_TMPFILE;
const int tinyrv_host_O_DIRECT = O_DIRECT;
const int tinyrv_host_O_NOATIME = O_NOATIME;
/* The kernel's value, which F_GETFL reports; glibc defines O_LARGEFILE as 0 on 64-bit hosts. */
#if defined(__aarch64__)
const int tinyrv_host_O_LARGEFILE = 0400000;
#else
const int tinyrv_host_O_LARGEFILE = 0100000;
#endif
const int tinyrv_host_AT_EMPTY_PATH = AT_EMPTY_PATH;
