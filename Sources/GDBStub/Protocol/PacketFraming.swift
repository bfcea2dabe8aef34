/// Framing of the GDB remote serial protocol: `$payload#cc`, where cc is the two-hex-digit sum of
/// the payload bytes modulo 256, and `}` escapes a byte as `}` followed by the byte XOR 0x20.
///
/// Outside a packet, `+` and `-` acknowledge, 0x03 asks to interrupt the running guest, and any
/// other byte is ignored (the protocol's rule for noise between packets).
public enum PacketEvent: Equatable, Sendable {
    /// A packet with a good checksum; `payload` is unescaped.
    case packet([UInt8])
    /// 0x03 outside a packet: interrupt the running guest.
    case interrupt
    /// `+`: the last packet sent arrived.
    case ack
    /// `-`: the last packet sent must be sent again.
    case nack
    /// A packet whose checksum does not match, or a bad escape or checksum digit.
    case badChecksum
    /// A packet longer than `PacketDecoder.maxPayload` bytes (its bytes are dropped).
    case oversized
}

/// Turns a byte stream into `PacketEvent`s, one byte at a time (so a packet may arrive in pieces).
public struct PacketDecoder {
    /// The largest payload accepted, escaped as it arrives; also the `PacketSize` announced.
    public static let maxPayload = 0x4000

    private enum State { case idle, body, checksumHigh, checksumLow(UInt8) }
    private var state = State.idle
    private var body: [UInt8] = []
    private var sum: UInt8 = 0
    private var overflowed = false

    public init() {}

    /// Consumes one byte; returns the event it completes, if any.
    public mutating func feed(_ byte: UInt8) -> PacketEvent? {
        switch state {
        case .idle:
            switch byte {
            case UInt8(ascii: "$"): startBody()
            case UInt8(ascii: "+"): return .ack
            case UInt8(ascii: "-"): return .nack
            case 0x03: return .interrupt
            default: break
            }
        case .body:
            switch byte {
            case UInt8(ascii: "#"): state = .checksumHigh
            case UInt8(ascii: "$"): startBody()
            default:
                sum &+= byte
                if body.count < PacketDecoder.maxPayload { body.append(byte) } else { overflowed = true }
            }
        case .checksumHigh:
            guard let high = hexValue(byte) else { return finish(.badChecksum) }
            state = .checksumLow(high)
        case .checksumLow(let high):
            guard let low = hexValue(byte) else { return finish(.badChecksum) }
            if overflowed { return finish(.oversized) }
            guard high << 4 | low == sum, let payload = PacketDecoder.unescape(body) else { return finish(.badChecksum) }
            return finish(.packet(payload))
        }
        return nil
    }

    /// `$payload#cc` with `$`, `#`, `}` and `*` escaped.
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "$")]
        out.reserveCapacity(payload.count + 4)
        var sum: UInt8 = 0
        for byte in payload {
            if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "*") {
                out.append(UInt8(ascii: "}"))
                out.append(byte ^ 0x20)
                sum &+= UInt8(ascii: "}") &+ (byte ^ 0x20)
            } else {
                out.append(byte)
                sum &+= byte
            }
        }
        out.append(UInt8(ascii: "#"))
        out += Hex.byte(sum)
        return out
    }

    /// The payload with `}` escapes undone; nil when it ends in a lone `}`.
    static func unescape(_ raw: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var escaping = false
        for byte in raw {
            if escaping {
                out.append(byte ^ 0x20)
                escaping = false
            } else if byte == UInt8(ascii: "}") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return escaping ? nil : out
    }

    private mutating func startBody() {
        state = .body
        body.removeAll(keepingCapacity: true)
        sum = 0
        overflowed = false
    }

    private mutating func finish(_ event: PacketEvent) -> PacketEvent {
        state = .idle
        body.removeAll(keepingCapacity: true)
        return event
    }
}

/// The value of one hex digit, or nil.
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
