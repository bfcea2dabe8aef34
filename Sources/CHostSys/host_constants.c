#define _GNU_SOURCE
#include <fcntl.h>
#include "CHostSys.h"

const int tinyrv_host_O_PATH = O_PATH;
const int tinyrv_host_O_TMPFILE = O_TMPFILE;
const int tinyrv_host_O_DIRECT = O_DIRECT;
const int tinyrv_host_O_NOATIME = O_NOATIME;
const int tinyrv_host_O_LARGEFILE = O_LARGEFILE;
const int tinyrv_host_AT_EMPTY_PATH = AT_EMPTY_PATH;
