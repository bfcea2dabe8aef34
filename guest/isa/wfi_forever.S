# A wfi that nothing could ever wake (no interrupt pending, mie = 0, so no timer armed either)
# ends the run with a clear message and status 123 instead of hanging.
#include "isa_test.h"

        .pushsection .tinyrv_expect, "", @progbits
        .ascii "status=123\nstderr~=waits for ever\n"
        .popsection

TEST_BEGIN
        li TESTNUM, 2
        csrw mie, zero
        wfi
        j fail
TEST_END
