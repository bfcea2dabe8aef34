import Testing
@testable import RISCV

/// The decoder and the disassembler are written separately; they must agree on what is legal: an
/// encoding decodes to `.illegal` exactly when it disassembles as `unknown`.
@Suite struct DecoderDisassemblerAgreementTests {
    /// Whether the two sides agree on `bits`.
    static func agree(_ bits: UInt32) -> Bool {
        let illegal = Decoder.decode(bits).op == .illegal
        let unknown = Disassembler.disassemble(bits, pc: 0x8000_0000).hasPrefix("unknown")
        return illegal == unknown
    }

    @Test func everySixteenBitParcel() {
        var disagreements: [UInt32] = []
        for parcel in UInt32(0)...0xffff where parcel & 3 != 3 && !Self.agree(parcel) {
            disagreements.append(parcel)
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(8).map { String($0, radix: 16) })")
    }

    /// Random words, plus random words forced into each major opcode that has instructions (the
    /// random ones land mostly in reserved major opcodes).
    @Test func millionsOfRandomWords() {
        var g = XorshiftGenerator(state: 0x9e37_79b9_7f4a_7c15)
        let majors: [UInt32] = [0x03, 0x07, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x27, 0x2f, 0x33, 0x37, 0x3b,
                                0x43, 0x47, 0x4b, 0x4f, 0x53, 0x63, 0x67, 0x6f, 0x73]
        var disagreements: [UInt32] = []
        for i in 0..<2_000_000 {
            var bits = UInt32(truncatingIfNeeded: g.next()) | 3
            if i & 1 == 0 { bits = bits & ~0x7f | majors[i / 2 % majors.count] }
            if !Self.agree(bits) { disagreements.append(bits) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count), first: \(disagreements.prefix(8).map { String($0, radix: 16) })")
    }
}
