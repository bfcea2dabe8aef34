import Testing
@testable import Kernel
import RISCV

@Suite struct TrapKillMessageTests {
    @Test func misalignedAtomicsAndAccessFaultsKillWith139() throws {
        let process = try Fixtures.process()
        let misaligned = process.handle(Trap(.storeAddressMisaligned, value: 0x11001, pc: 0x10000))
        #expect(misaligned == .killed(Kill(reason: .memoryFault, message: "store address misaligned at 0x11001 (pc 0x10000): not aligned for the access"), signal: 11))
        let access = process.handle(Trap(.loadAccessFault, value: 0x7000_0000, pc: 0x10004))
        #expect(access == .killed(Kill(reason: .memoryFault, message: "load access fault at 0x70000000 (pc 0x10004): outside guest memory"), signal: 11))
        #expect(process.handle(Trap(.illegalInstruction, value: 0xffff_ffff, pc: 0x10008))
                == .killed(Kill(reason: .illegalInstruction, message: "illegal instruction 0xffffffff (pc 0x10008)"), signal: 4))
    }

    @Test func faultsGoToAnInstalledHandlerUnlessBlocked() throws {
        let process = try Fixtures.process()
        process.signals.actions[7] = SignalAction(handler: 0x10000, flags: SignalAction.siginfo).bytes
        #expect(process.handle(Trap(.storeAddressMisaligned, value: 0x11001, pc: 0x10000)) == .resume)
        #expect(process.signals.pending == SignalState.bit(7))
        #expect(process.signals.pendingSignals.first(7) == SignalInfo(signal: 7, code: 1, address: 0x11001, isFault: true))
        process.signals.mask = SignalState.bit(4)
        process.signals.actions[4] = SignalAction(handler: 0x10000).bytes
        #expect(process.handle(Trap(.illegalInstruction, value: 0, pc: 0x10008))
                == .killed(Kill(reason: .illegalInstruction, message: "illegal instruction 0x0000 (pc 0x10008)"), signal: 4),
                "a blocked fault signal kills")
    }
}
