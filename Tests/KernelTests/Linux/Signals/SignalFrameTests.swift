import Testing
@testable import Kernel
import RISCV

@Suite struct SignalFrameTests {
    @Test func theContextHoldsPcRegistersFloatsAndFcsrAtLinuxOffsets() throws {
        let hart = Hart(memory: try PhysicalMemory(size: 1 << 20), delivery: .hosted)
        hart.pc = 0x10abc
        for i in 1..<32 { hart.setRegister(i, 0x1000 + UInt64(i)) }
        for i in 0..<32 { hart.setFloatRegister(i, 0x2000 + UInt64(i)) }
        hart.writeCSR(CSRAddress.fcsr, 0x65)
        let context = SignalFrame.context(of: hart, mask: 0x400, stack: GuestBytes.words(0x7000, 2, 0))
        #expect(context.count == 960 && SignalFrame.size == 128 + 960)
        #expect(GuestBytes.word(context, at: 16) == 0x7000 && GuestBytes.word(context, at: 24) == 2)
        #expect(GuestBytes.word(context, at: 40) == 0x400, "uc_sigmask")
        #expect(GuestBytes.word(context, at: 176) == 0x10abc, "gregs[0] is the pc")
        #expect(GuestBytes.word(context, at: 176 + 8 * 10) == 0x100a, "a0")
        #expect(GuestBytes.word(context, at: 432 + 8 * 31) == 0x201f, "f31")
        #expect(GuestBytes.word(context, at: 688) & 0xffff_ffff == 0x65, "fcsr")

        let other = Hart(memory: try PhysicalMemory(size: 1 << 20), delivery: .hosted)
        #expect(SignalFrame.restore(context, into: other) == 0x400)
        #expect(other.saveContext() == hart.saveContext())
    }

    @Test func theTrampolineIsLiA7139ThenEcall() {
        #expect(SignalFrame.trampolineCode == [0x93, 0x08, 0xb0, 0x08, 0x73, 0x00, 0x00, 0x00])
    }

    @Test func siginfoLayout() {
        let fault = SignalInfo(signal: 11, code: 2, address: 0x40, isFault: true).bytes
        #expect(fault.count == 128)
        #expect(GuestBytes.word(fault, at: 0) == 11 && GuestBytes.word(fault, at: 8) == 2 && GuestBytes.word(fault, at: 16) == 0x40)
        let child = SignalInfo(signal: 17, code: 1, senderPID: 101, senderUID: 5, status: 3).bytes
        #expect(GuestBytes.word(child, at: 16) == 101 | 5 << 32 && GuestBytes.word(child, at: 24) == 3)
        let tkill = SignalInfo(signal: 10, code: SignalInfo.tkill).bytes
        #expect(GuestBytes.word(tkill, at: 8) == 0xffff_fffa, "si_code -6")
    }
}
