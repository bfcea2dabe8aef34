import GDBStub

/// A client that sends prepared chunks of bytes and records what the stub sends back.
final class ScriptedConnection: DebugConnection {
    private var chunks: [[UInt8]]
    private(set) var sent: [UInt8] = []
    private(set) var closed = false

    init(_ chunks: [[UInt8]]) {
        self.chunks = chunks
    }

    /// One chunk per packet, each framed.
    convenience init(packets: [String]) {
        self.init(packets.map { PacketDecoder.frame(Array($0.utf8)) })
    }

    func receive() -> [UInt8] {
        closed || chunks.isEmpty ? [] : chunks.removeFirst()
    }

    /// True while chunks are left (and at the end of the stream, as a socket's poll would say).
    func hasInput() -> Bool {
        true
    }

    /// Adds chunks for later `receive` calls.
    func queue(_ more: [[UInt8]]) {
        chunks += more
    }

    func send(_ bytes: [UInt8]) -> Bool {
        sent += bytes
        return !closed
    }

    func close() {
        closed = true
    }

    /// The payloads of the packets sent, in order (acknowledgements dropped).
    var replies: [String] {
        var decoder = PacketDecoder()
        return sent.compactMap { byte in
            if case .packet(let payload) = decoder.feed(byte) { return String(decoding: payload, as: UTF8.self) }
            return nil
        }
    }
}
