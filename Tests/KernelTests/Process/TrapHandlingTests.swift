import Testing
@testable import Kernel
import RISCV

@Suite struct TrapKillMessageTests {
    @Test func misalignedAtomicsAndAccessFaultsKillWith139() throws {
        let process = try Fixtures.process()
        let misaligned = process.handle(Trap(.storeAddressMisaligned, value: 0x11001, pc: 0x10000))
        #expect(misaligned == .killed(.memoryFault, message: "store address misaligned at 0x11001 (pc 0x10000): not aligned for the access"))
        let access = process.handle(Trap(.loadAccessFault, value: 0x7000_0000, pc: 0x10004))
        #expect(access == .killed(.memoryFault, message: "load access fault at 0x70000000 (pc 0x10004): outside guest memory"))
        #expect(process.handle(Trap(.illegalInstruction, value: 0xffff_ffff, pc: 0x10008))
                == .killed(.illegalInstruction, message: "illegal instruction 0xffffffff (pc 0x10008)"))
    }
}
