/*
 * deep-recursion: unbounded recursion runs off the bottom of the 10-page stack and is killed cleanly
 * with a memory fault (status 139), not a crash or a hang of the emulator.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=139\nstderr~=tinyrv: killed: store page fault\nstderr~=--stack-pages\n");

static volatile long depth_limit = 1L << 40;

__attribute__((noinline)) static long recurse(long depth) {
    volatile char frame[256];
    frame[0] = (char)depth;
    if (depth == depth_limit) return frame[0];
    return recurse(depth + 1) + frame[0];
}

int main(void) { return (int)recurse(0); }
