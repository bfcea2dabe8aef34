import Testing
@testable import Kernel

@Suite struct InitialStackTests {
    let process: Process

    init() throws {
        process = try Fixtures.process(options: Fixtures.options(arguments: ["./prog", "one", "two"],
                                                                 environment: ["HOME=/root", "X=1"]))
    }

    func auxv() throws -> [UInt64: UInt64] {
        var cursor = process.initialStackPointer + 8 * (1 + 3 + 1 + 2 + 1)
        var entries: [UInt64: UInt64] = [:]
        while true {
            let key = try #require(process.peekWord(cursor))
            let value = try #require(process.peekWord(cursor + 8))
            entries[key] = value
            cursor += 16
            if key == 0 { return entries }
        }
    }

    @Test func stackPointerIsSixteenByteAlignedInTheTopPage() {
        #expect(process.initialStackPointer % 16 == 0)
        #expect(process.initialStackPointer < Process.stackUpperBound)
        #expect(process.initialStackPointer >= Process.stackUpperBound - 4096)
    }

    @Test func argcArgvAndEnvpReadBack() throws {
        let sp = process.initialStackPointer
        #expect(process.peekWord(sp) == 3)
        let argv = try (0..<3).map { try #require(process.peekWord(sp + 8 + 8 * UInt64($0))) }
        #expect(argv.map { process.peekString($0) } == ["./prog", "one", "two"])
        #expect(process.peekWord(sp + 32) == 0)
        let envp = try (0..<2).map { try #require(process.peekWord(sp + 40 + 8 * UInt64($0))) }
        #expect(envp.map { process.peekString($0) } == ["HOME=/root", "X=1"])
        #expect(process.peekWord(sp + 56) == 0)
    }

    @Test func auxvHoldsTheLinuxEntries() throws {
        let aux = try auxv()
        #expect(aux[3] == 0x10040)
        #expect(aux[4] == 56)
        #expect(aux[5] == 2)
        #expect(aux[6] == 4096)
        #expect(aux[9] == 0x10000)
        #expect(aux[16] == 0x112d, "RV64 IMAFDC")
        #expect(aux[17] == 100)
        #expect(aux[23] == 0)
        #expect(aux[0] == 0)
        #expect(aux[11] != nil && aux[12] != nil && aux[13] != nil && aux[14] != nil)
        let random = try #require(aux[25])
        #expect(process.peek(random, count: 16) == Array(0xA0...0xAF))
        let execfn = try #require(aux[31])
        #expect(process.peekString(execfn) == "./prog")
    }

    @Test func stringsLieBetweenTheVectorAndTheStackTop() throws {
        let aux = try auxv()
        let execfn = try #require(aux[31])
        #expect(execfn > process.initialStackPointer && execfn < Process.stackUpperBound)
        #expect(process.peekString(execfn).map { execfn + UInt64($0.utf8.count) + 1 } == Process.stackUpperBound)
    }
}
