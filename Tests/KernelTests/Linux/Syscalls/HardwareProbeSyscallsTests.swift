import Testing
@testable import Kernel

@Suite struct HardwareProbeSyscallsTests {
    @Test func knownKeysDescribeTheHart() {
        #expect(HardwareProbeSyscalls.value(for: 3) == (3, 1), "base behaviour: IMA")
        #expect(HardwareProbeSyscalls.value(for: 4) == (4, 0b11), "IMA_EXT_0: FD and C, nothing else")
        #expect(HardwareProbeSyscalls.value(for: 0) == (0, 0))
        #expect(HardwareProbeSyscalls.value(for: 5) == (5, 2), "misaligned accesses work, slowly")
        #expect(HardwareProbeSyscalls.value(for: 7) == (7, (1 << 38) - 1))
    }

    @Test func unknownKeysBecomeMinusOneWithValueZero() {
        #expect(HardwareProbeSyscalls.value(for: 6) == (-1, 0))
        #expect(HardwareProbeSyscalls.value(for: 1000) == (-1, 0))
        #expect(HardwareProbeSyscalls.value(for: -5) == (-1, 0))
    }

    @Test func pairsInGuestMemoryAreFilledInPlace() throws {
        let process = try Fixtures.process()
        let pairs: [UInt64] = [4, 0xdead, 99, 0xdead, 3, 0]
        try process.copyOut(GuestBytes.words(pairs), to: Scratch.buffer).get()
        #expect(process.call(258, Scratch.buffer, 3, 0, 0, 0) == 0)
        let back = try #require(process.peek(Scratch.buffer, count: 48))
        #expect((0..<6).map { GuestBytes.word(back, at: $0 * 8) } == [4, 0b11, UInt64.max, 0, 3, 1])
        try process.copyOut([0b10], to: Scratch.path).get()
        #expect(process.call(258, Scratch.buffer, 1, 1, Scratch.path, 0) == -22, "a CPU set without CPU 0")
        #expect(process.call(258, 0x10, 1, 0, 0, 0) == -14)
    }

    @Test func hwcapAndProbeComeFromTheSameList() {
        #expect(InitialStack.hardwareCapabilities == 0x112d)
        #expect(HartFeatures.probedExtensionBits == 0b11)
    }
}
