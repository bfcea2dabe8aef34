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

    @Test func hwcapAndProbeComeFromTheSameList() {
        #expect(InitialStack.hardwareCapabilities == 0x112d)
        #expect(HartFeatures.probedExtensionBits == 0b11)
    }
}
