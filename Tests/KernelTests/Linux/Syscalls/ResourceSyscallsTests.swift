import Testing
@testable import Kernel

@Suite struct ResourceSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process(pages: 512) }

    func call(_ number: UInt64, _ arguments: [UInt64]) -> SyscallResult {
        SyscallTable.definitions[number]!.run(process, arguments + [UInt64](repeating: 0, count: 6 - arguments.count))
    }

    @Test func sysinfoReportsGuestRAM() throws {
        #expect(call(179, [0x11000]) == .value(0))
        #expect(process.peekWord(0x11020) == 512 * 4096, "totalram")
        #expect(process.peekWord(0x11028) == UInt64(process.addressSpace.frames.framesFree) * 4096, "freeram")
        #expect(try #require(process.peekWord(0x11068)) & 0xffff_ffff == 1, "mem_unit")
        #expect(call(179, [0x10000]) == .value(-14))
    }

    @Test func clockResolutionUsageAndAltStack() {
        #expect(call(114, [1, 0x11000]) == .value(0))
        #expect(process.peekWord(0x11008) == 1)
        #expect(call(114, [99, 0x11000]) == .value(-22))
        #expect(call(165, [0, 0x11000]) == .value(0))
        #expect(call(165, [7, 0x11000]) == .value(-22))
        #expect(call(132, [0, 0x11100]) == .value(0))
        #expect(process.peekWord(0x11108) == 2, "SS_DISABLE")
        #expect(call(132, [0x50_0000_0000, 0]) == .value(-14))
    }
}
