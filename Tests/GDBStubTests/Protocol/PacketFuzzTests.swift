import Testing
@testable import GDBStub
import Kernel

/// Random and mutated input: the decoder, the parser and the stub never crash, never hang, and a
/// stream that ends always ends the run.
@Suite struct PacketFuzzTests {
    /// A small seeded generator (64-bit xorshift), so that a failure replays.
    struct Xorshift: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let samples = ["g", "G" + String(repeating: "00", count: 264), "p20", "P21=0000000000000000", "m80000000,40",
                          "M80000010,2:abcd", "X80000020,2:ab", "Z0,80000010,2", "z0,80000010,2", "Z2,80000100,8",
                          "Z4,80000100,1", "z2,80000100,8", "?", "qSupported:swbreak+", "qXfer:features:read:target.xml:0,100",
                          "QCatchSyscalls:1;40", "vCont;s:1", "vCont?", "Hg1", "T1", "qC", "qOffsets", "QStartNoAckMode", "c", "s", "k", "D",
                          "Hgp64.65", "Tp64.65", "vCont;s:p64.65;c", "vCont;c:p64.-1", "D;65", "qXfer:threads:read::0,100"]

    /// A sample packet, mutated: bytes flipped, cut short, or random digits put in.
    static func mutated(_ generator: inout Xorshift) -> [UInt8] {
        var bytes = PacketDecoder.frame(Array(samples.randomElement(using: &generator)!.utf8))
        switch generator.next() % 4 {
        case 0:
            for _ in 0..<Int(generator.next() % 4) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
        case 1: bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
        case 2: bytes.insert(contentsOf: Array("ffffffffffffffff,".utf8), at: min(bytes.count, 2))
        default: break
        }
        return bytes
    }

    @Test func randomBytesNeverCrashTheDecoderOrTheParser() {
        var generator = Xorshift(state: 0x9e37_79b9_7f4a_7c15)
        let alphabet = Array("$#}*+-0123456789abcdefmMXZzgGpPqQvc,:;=".utf8) + [0x03, 0x00, 0xff]
        for _ in 0..<500 {
            var decoder = PacketDecoder()
            for _ in 0..<Int(generator.next() % 400) {
                let byte = generator.next() % 3 == 0 ? UInt8(truncatingIfNeeded: generator.next())
                    : alphabet.randomElement(using: &generator)!
                if case .packet(let payload) = decoder.feed(byte) { _ = Command.parse(payload) }
            }
        }
        for _ in 0..<2000 {
            let payload = (0..<Int(generator.next() % 64)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = Command.parse(payload)
            var decoder = PacketDecoder()
            let events = PacketDecoder.frame(payload).compactMap { decoder.feed($0) }
            #expect(events == [.packet(payload)])
        }
    }

    @Test func mutatedPacketsNeverCrashOrHangTheStub() throws {
        var generator = Xorshift(state: 0x2545_f491_4f6c_dd1d)
        for _ in 0..<100 {
            let chunks = (0..<Int(1 + generator.next() % 30)).map { _ in Self.mutated(&generator) }
            let f = try StubFixture(chunks: chunks)
            var resume = f.server.stopped(.started)
            var rounds = 0
            while resume != .kill(message: "gdb client disconnected") && rounds < 100 {
                resume = f.server.stopped(generator.next() % 2 == 0 ? .stepped : .interval)
                rounds += 1
            }
            // Every round but the last consumed at least one chunk, so the stream ran out.
            #expect(rounds <= chunks.count + 1)
        }
    }
}
