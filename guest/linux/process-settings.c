/* The settings a process can read and set about itself: credentials and capabilities, prctl's
 * parent-death signal, dumpable flag, no_new_privs and bounding set, the scheduling policy, the
 * CPU, the persona, memory locking and extended attributes. Every value printed is the same on
 * any Linux machine running this as the same user; where the answer depends on the user, the
 * program prints whether it agrees with another call that must give the same answer. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

static void show(const char *what, long result)
{
    printf("%s: %ld%s%s\n", what, result, result < 0 ? " " : "", result < 0 ? strerrorname_np(errno) : "");
}

static void credentials(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;
    show("getresuid", getresuid(&r, &e, &s));
    printf("  agree with getuid/geteuid: %d\n", r == getuid() && e == geteuid() && s == geteuid());
    show("getresgid", getresgid(&gr, &ge, &gs));
    printf("  agree with getgid/getegid: %d\n", gr == getgid() && ge == getegid());
    show("setuid(own uid)", setuid(getuid()));
    show("setgid(own gid)", setgid(getgid()));
    show("setresuid(-1, -1, -1)", setresuid(-1, -1, -1));
    show("setreuid(-1, own euid)", setreuid(-1, geteuid()));
    gid_t groups[64];
    int count = getgroups(64, groups);
    show("setgroups(own groups)", setgroups(count, groups));
    printf("setfsuid(-1) is the euid: %d\n", setfsuid(-1) == (int)geteuid());

    struct __user_cap_header_struct header = {0, 0};
    struct __user_cap_data_struct data[2];
    show("capget(version 0)", syscall(SYS_capget, &header, data));
    printf("  version now %#x\n", header.version);
    header.pid = 0;
    show("capget(version 3)", syscall(SYS_capget, &header, data));
    show("capset(the same sets)", syscall(SYS_capset, &header, data));
    header.pid = 99999;
    show("capget(no such pid)", syscall(SYS_capget, &header, data));
}

static void process_control(void)
{
    int signal_number = -1;
    show("PR_SET_PDEATHSIG SIGUSR1", prctl(PR_SET_PDEATHSIG, SIGUSR1));
    show("PR_GET_PDEATHSIG", prctl(PR_GET_PDEATHSIG, &signal_number));
    printf("  signal %d\n", signal_number);
    show("PR_SET_PDEATHSIG 65", prctl(PR_SET_PDEATHSIG, 65));
    prctl(PR_SET_PDEATHSIG, 0);
    show("PR_GET_DUMPABLE", prctl(PR_GET_DUMPABLE));
    show("PR_SET_DUMPABLE 0", prctl(PR_SET_DUMPABLE, 0));
    show("PR_GET_DUMPABLE", prctl(PR_GET_DUMPABLE));
    show("PR_SET_DUMPABLE 2", prctl(PR_SET_DUMPABLE, 2));
    prctl(PR_SET_DUMPABLE, 1);
    show("PR_GET_NO_NEW_PRIVS", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    show("PR_SET_NO_NEW_PRIVS 1", prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
    show("PR_GET_NO_NEW_PRIVS", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    show("PR_SET_NO_NEW_PRIVS 2", prctl(PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0));
    int bounded = prctl(PR_CAPBSET_READ, CAP_CHOWN);
    printf("PR_CAPBSET_READ CAP_CHOWN is 0 or 1: %d\n", bounded == 0 || bounded == 1);
    show("PR_CAPBSET_READ 99", prctl(PR_CAPBSET_READ, 99));
    show("prctl(12345)", prctl(12345, 0, 0, 0, 0));
}

/* A grandchild that asks for SIGKILL when its parent dies, then waits for ever: the pipe it holds
 * reaches end of file only when the signal comes. */
static void parent_death_signal(void)
{
    int done[2], ready[2];
    pipe(done);
    pipe(ready);
    fflush(stdout);
    pid_t middle = fork();
    if (middle == 0) {
        pid_t grandchild = fork();
        if (grandchild == 0) {
            close(done[0]);
            close(ready[0]);
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            int inherited = -1;
            prctl(PR_GET_PDEATHSIG, &inherited);
            write(ready[1], &inherited, sizeof inherited);
            for (;;) pause();
        }
        int inherited = -1;
        close(ready[1]);
        read(ready[0], &inherited, sizeof inherited);
        printf("grandchild's death signal: %d\n", inherited);
        fflush(stdout);
        _exit(0);
    }
    close(done[1]);
    close(ready[0]);
    close(ready[1]);
    waitpid(middle, NULL, 0);
    char byte;
    show("read once the grandchild died", read(done[0], &byte, 1));
    close(done[0]);
}

static void scheduling(void)
{
    struct sched_param param = {0};
    show("sched_getscheduler", sched_getscheduler(0));
    show("sched_getparam", sched_getparam(0, &param));
    printf("  priority %d\n", param.sched_priority);
    show("max(SCHED_FIFO)", sched_get_priority_max(SCHED_FIFO));
    show("min(SCHED_RR)", sched_get_priority_min(SCHED_RR));
    show("max(SCHED_OTHER)", sched_get_priority_max(SCHED_OTHER));
    show("max(42)", sched_get_priority_max(42));
    show("sched_setscheduler(SCHED_BATCH)", sched_setscheduler(0, SCHED_BATCH, &param));
    show("sched_getscheduler", sched_getscheduler(0));
    param.sched_priority = 5;
    show("sched_setscheduler(SCHED_OTHER, 5)", sched_setscheduler(0, SCHED_OTHER, &param));
    show("sched_setscheduler(7)", sched_setscheduler(0, 7, &param));
    show("sched_getscheduler(-1)", sched_getscheduler(-1));
    show("sched_getscheduler(99999)", sched_getscheduler(99999));
    param.sched_priority = 0;
    show("sched_setscheduler(SCHED_IDLE | RESET_ON_FORK)", sched_setscheduler(0, SCHED_IDLE | SCHED_RESET_ON_FORK, &param));
    show("sched_getscheduler", sched_getscheduler(0));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        printf("child's policy after the reset: %d\n", sched_getscheduler(0));
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    sched_setscheduler(0, SCHED_OTHER, &param);
    unsigned cpu = 99, node = 99;
    show("getcpu", syscall(SYS_getcpu, &cpu, &node, NULL));
}

static void persona_and_locks(void)
{
    show("personality(query)", personality(0xffffffff));
    show("personality(ADDR_NO_RANDOMIZE)", personality(ADDR_NO_RANDOMIZE));
    show("personality(query)", personality(0xffffffff));
    personality(PER_LINUX);
    static char page[8192] __attribute__((aligned(4096)));
    show("mlock", mlock(page + 100, 5000));
    show("munlock", munlock(page, 8192));
    show("mlock(unmapped)", mlock((void *)0x1000, 4096));
    show("mlockall(0)", mlockall(0));
    show("munlockall", munlockall());
}

static void extended_attributes(const char *self)
{
    char value[64];
    show("listxattr", listxattr(self, value, 0));
    show("getxattr(name \"\")", getxattr(self, "", value, sizeof value));
    show("getxattr(missing file)", getxattr("no/such/file", "user.x", value, sizeof value));
    show("lgetxattr(missing file)", lgetxattr("no-such-file", "user.x", value, sizeof value));
    show("fgetxattr(bad descriptor)", fgetxattr(999, "user.x", value, sizeof value));
}

int main(int argc, char **argv)
{
    (void)argc;
    credentials();
    process_control();
    parent_death_signal();
    scheduling();
    persona_and_locks();
    extended_attributes(argv[0]);
    return 0;
}
