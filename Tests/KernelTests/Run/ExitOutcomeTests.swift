import Testing
@testable import Kernel

@Suite struct ExitOutcomeTests {
    @Test func outcomesMapToDesignStatuses() {
        #expect(ExitOutcome.exited(code: 0x1ff).exitStatus == 0xff)
        #expect(ExitOutcome.exited(code: -1).exitStatus == 255)
        #expect(ExitOutcome.killed(.memoryFault, message: "m").exitStatus == 139)
        #expect(ExitOutcome.killed(.illegalInstruction, message: "m").exitStatus == 132)
        #expect(ExitOutcome.killed(.breakpoint, message: "m").exitStatus == 133)
        #expect(ExitOutcome.killed(.abort, message: "m").exitStatus == 134)
        #expect(ExitOutcome.killed(.outOfMemory, message: "m").exitStatus == 137)
        #expect(ExitOutcome.budgetExhausted.exitStatus == 124)
        #expect(ExitOutcome.killed(.memoryFault, message: "store page fault at 0x0 (pc 0x10a4c): no memory region").diagnosticLine
                == "tinyrv: killed: store page fault at 0x0 (pc 0x10a4c): no memory region")
        #expect(ExitOutcome.exited(code: 0).diagnosticLine == nil)
    }
}
