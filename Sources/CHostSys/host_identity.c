#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CHostSys.h"

int tinyrv_getresuid(unsigned ids[3]) {
    uid_t real, effective, saved;
    if (getresuid(&real, &effective, &saved) != 0) return -errno;
    ids[0] = real, ids[1] = effective, ids[2] = saved;
    return 0;
}

int tinyrv_getresgid(unsigned ids[3]) {
    gid_t real, effective, saved;
    if (getresgid(&real, &effective, &saved) != 0) return -errno;
    ids[0] = real, ids[1] = effective, ids[2] = saved;
    return 0;
}

int tinyrv_capget(unsigned sets[6]) {
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    if (syscall(SYS_capget, &header, data) != 0) return -errno;
    for (int i = 0; i < 2; i++) {
        sets[3 * i] = data[i].effective, sets[3 * i + 1] = data[i].permitted, sets[3 * i + 2] = data[i].inheritable;
    }
    return 0;
}

int tinyrv_capbset_read(int capability) {
    int result = prctl(PR_CAPBSET_READ, capability, 0, 0, 0);
    return result >= 0 ? result : -errno;
}
