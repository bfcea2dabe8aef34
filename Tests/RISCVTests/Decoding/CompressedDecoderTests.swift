import Testing
@testable import RISCV

@Suite struct CompressedDecoderTests {
    /// Every RV64C encoding group, as (compressed parcel, its 32-bit expansion), both produced by
    /// riscv64-linux-gnu-as (-march=rv64imac and -march=rv64ima) from the same operands.
    static let pairs: [(UInt16, UInt32)] = [
        (0x1fe0, 0x3fc10413), (0x005c, 0x00410793), (0x5fe8, 0x07c7a503), (0x4004, 0x00042483),
        (0x7fe8, 0x0f87b503), (0x6498, 0x0084b703), (0xdfe8, 0x06a7ae23), (0xffe8, 0x0ea7bc23),
        (0xe880, 0x0084b823), (0x0001, 0x00000013), (0x1501, 0xfe050513), (0x0ffd, 0x01ff8f93),
        (0x357d, 0xfff5051b), (0x2dc5, 0x011d8d9b), (0x5501, 0xfe000513), (0x40fd, 0x01f00093),
        (0x7101, 0xe0010113), (0x617d, 0x1f010113), (0x6141, 0x01010113), (0x7501, 0xfffe0537),
        (0x62fd, 0x0001f2b7), (0x6485, 0x000014b7), (0x917d, 0x03f55513), (0x8085, 0x0014d493),
        (0x9781, 0x4207d793), (0x997d, 0xfff57513), (0x8845, 0x01147413), (0x8d1d, 0x40f50533),
        (0x8c25, 0x00944433), (0x8dd1, 0x00c5e5b3), (0x8ef9, 0x00e6f6b3), (0x9d1d, 0x40f5053b),
        (0x9c25, 0x0094043b), (0xb001, 0x801ff06f), (0xaffd, 0x7fe0006f), (0xa019, 0x0060006f),
        (0xd101, 0xf00500e3), (0xccfd, 0x0e048f63), (0xe789, 0x00079563), (0xfc7d, 0xfe041fe3),
        (0x157e, 0x03f51513), (0x0f86, 0x001f9f93), (0x557e, 0x0fc12503), (0x4092, 0x00412083),
        (0x757e, 0x1f813503), (0x6fa2, 0x00813f83), (0x8082, 0x00008067), (0x8f82, 0x000f8067),
        (0x852e, 0x00b00533), (0x8f86, 0x00100fb3), (0x9002, 0x00100073), (0x9502, 0x000500e7),
        (0x952e, 0x00b50533), (0x9ffa, 0x01ef8fb3), (0xdfaa, 0x0ea12e23), (0xc202, 0x00012223),
        (0xffaa, 0x1ea13c23), (0xe47e, 0x01f13423),
    ]

    static func usesRS1(_ op: Opcode) -> Bool { ![.lui, .auipc, .jal, .ebreak].contains(op) }
    static func usesRS2(_ op: Opcode) -> Bool {
        [.add, .sub, .xor, .or, .and, .addw, .subw, .sb, .sh, .sw, .sd, .beq, .bne].contains(op)
    }

    @Test(arguments: pairs.map { [UInt32($0.0), $0.1] })
    func expandsToTheBaseInstruction(_ pair: [UInt32]) {
        let compressed = Decoder.decode(pair[0])
        let expanded = Decoder.decode(pair[1])
        #expect(compressed.op == expanded.op)
        #expect(compressed.op != .illegal)
        if !Self.usesRS2(expanded.op) || [.add, .sub, .xor, .or, .and, .addw, .subw].contains(expanded.op) {
            #expect(compressed.rd == expanded.rd)
        }
        #expect(compressed.imm == expanded.imm)
        if Self.usesRS1(expanded.op) { #expect(compressed.rs1 == expanded.rs1) }
        if Self.usesRS2(expanded.op) { #expect(compressed.rs2 == expanded.rs2) }
        #expect(compressed.length == 2)
        #expect(compressed.bits == pair[0])
    }

    /// The all-zero parcel, c.addi4spn imm 0, c.lwsp/c.ldsp rd 0, c.jr rs1 0, c.addiw rd 0,
    /// c.addi16sp imm 0, c.lui imm 0, quadrant 0 funct3 100, the reserved c.subw neighbours.
    @Test(arguments: [0x0000, 0x0004, 0x4002, 0x6002, 0x8002, 0x2001, 0x6101, 0x6081, 0x8000, 0x9c41, 0x9c61] as [UInt16])
    func reservedEncodingsAreIllegal(_ parcel: UInt16) throws {
        #expect(Decoder.decode(UInt32(parcel)).op == .illegal)
        let m = try TestMachine()
        m.placeParcels([parcel])
        #expect(m.hart.run(maxInstructions: 1)
                == .trap(Trap(.illegalInstruction, value: UInt64(parcel), pc: TestMachine.ramBase)))
    }

    @Test func hintsAreLegal() {
        // c.nop with imm, c.li x0, c.mv x0, c.add x0, c.slli x0, c.lui x0
        for parcel: UInt16 in [0x0005, 0x4001, 0x8006, 0x9006, 0x0006, 0x6005] {
            #expect(Decoder.decode(UInt32(parcel)).op != .illegal, "parcel \(parcel)")
        }
    }
}
