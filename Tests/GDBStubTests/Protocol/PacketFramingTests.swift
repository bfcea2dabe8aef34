import Testing
@testable import GDBStub

@Suite struct PacketFramingTests {
    func events(_ text: [UInt8]) -> [PacketEvent] {
        var decoder = PacketDecoder()
        return text.compactMap { decoder.feed($0) }
    }

    @Test func framesWithTheChecksumAndEscapes() {
        #expect(PacketDecoder.frame(Array("OK".utf8)) == Array("$OK#9a".utf8))
        #expect(PacketDecoder.frame([]) == Array("$#00".utf8))
        // '$' '#' '}' '*' go out as '}' and the byte XOR 0x20; the checksum covers the escaped bytes.
        #expect(PacketDecoder.frame(Array("a$#}*".utf8)) == Array("$a}\u{04}}\u{03}}]}\u{0a}#c3".utf8))
    }

    @Test func decodesWhatItFrames() {
        let payload: [UInt8] = Array(0...255)
        #expect(events(PacketDecoder.frame(payload)) == [.packet(payload)])
    }

    @Test func acksNacksInterruptsAndNoise() {
        #expect(events(Array("+-".utf8) + [0x03] + Array("xyz\n".utf8) + Array("$?#3f".utf8))
                == [.ack, .nack, .interrupt, .packet(Array("?".utf8))])
    }

    @Test func badChecksumsAndBadEscapes() {
        #expect(events(Array("$?#3e".utf8)) == [.badChecksum])
        #expect(events(Array("$?#zz".utf8)) == [.badChecksum])
        #expect(events(Array("$?#3".utf8) + Array("g".utf8)) == [.badChecksum])
        // A payload ending in a lone escape: checksum of "a}" is 0x9e.
        #expect(events(Array("$a}#9e".utf8)) == [.badChecksum])
    }

    @Test func aDollarInsideAPacketStartsAgain() {
        #expect(events(Array("$junk$?#3f".utf8)) == [.packet(Array("?".utf8))])
    }

    @Test func oversizedPacketsAreDroppedWhole() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: PacketDecoder.maxPayload + 1)
        let sum = UInt8(truncatingIfNeeded: big.count * 0x61)
        #expect(events([UInt8(ascii: "$")] + big + [UInt8(ascii: "#")] + Hex.byte(sum) + Array("$?#3f".utf8))
                == [.oversized, .packet(Array("?".utf8))])
    }

    @Test func packetsMayArriveByteByByte() {
        var decoder = PacketDecoder()
        var seen: [PacketEvent] = []
        for byte in Array("$m10,4#2e".utf8) {
            if let event = decoder.feed(byte) { seen.append(event) }
        }
        #expect(seen == [.packet(Array("m10,4".utf8))])
    }
}
