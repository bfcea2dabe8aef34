/*
 * fork-cow: fork shares pages copy-on-write. Parent and child write the same heap page and each
 * sees only its own value; in each process the first store to a shared page costs exactly one
 * page fault (the copy, or taking the page back once the other side is gone), later stores none.
 */
#include "tinyrv.h"

TINYRV_EXPECT("status=0\nstdout=child sees 2 and 7\\nchild exited 42\\nparent sees 1 and 7\\n\n");

#define SIGCHLD 17

static long fork_process(void) { return tinyrv_syscall(220, SIGCHLD, 0, 0, 0, 0, 0); }
static long wait_for(long pid, int *status) { return tinyrv_syscall(260, pid, (long)status, 0, 0, 0, 0); }

int main(void) {
    volatile char *heap = (volatile char *)sbrk(2 * PAGE_SIZE);
    heap[0] = 1;
    heap[PAGE_SIZE] = 7;
    long pid = fork_process();
    CHECK(pid >= 0);
    if (pid == 0) {
        uint64_t before = page_fault_count(); /* the first call already copied the stack page */
        before = page_fault_count();
        heap[0] = 2;
        CHECK_EQ(page_fault_count(), before + 1);
        heap[1] = 3;
        CHECK_EQ(page_fault_count(), before + 1);
        printf("child sees %d and %d\n", heap[0], heap[PAGE_SIZE]);
        exit(heap[0] == 2 && heap[1] == 3 ? 42 : 1);
    }
    int status = 0;
    CHECK_EQ(wait_for(pid, &status), pid);
    printf("child exited %d\n", (status >> 8) & 0xff);
    uint64_t before = page_fault_count();
    before = page_fault_count();
    CHECK_EQ(heap[0], 1);
    CHECK_EQ(page_fault_count(), before);
    heap[0] = 1;
    CHECK_EQ(page_fault_count(), before + 1);
    printf("parent sees %d and %d\n", heap[0], heap[PAGE_SIZE]);
    return 0;
}
