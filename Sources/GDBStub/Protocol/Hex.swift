/// Hex encodings of the protocol: numbers (big-endian digits, as in addresses), bytes (two
/// digits each, as in memory and register contents) and little-endian register values.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lowercase digits.
    static func byte(_ value: UInt8) -> [UInt8] {
        [digits[Int(value >> 4)], digits[Int(value & 0xf)]]
    }

    /// Two digits per byte.
    static func encode<C: Sequence>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        for byte in bytes { out += Hex.byte(byte) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` in lowercase hex without leading zeros ("0" for zero).
    static func number(_ value: UInt64) -> String {
        String(value, radix: 16)
    }

    /// The `size` low bytes of `value`, little-endian, two digits each (register contents).
    static func littleEndian(_ value: UInt64, size: Int) -> String {
        encode((0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) })
    }

    /// A number of 1 to 16 hex digits; nil for anything else (empty, too long, not hex).
    static func parseNumber<S: Collection>(_ text: S) -> UInt64? where S.Element == UInt8 {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in text {
            guard let digit = hexValue(byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// Bytes from pairs of hex digits; nil for an odd count or a non-hex digit.
    static func decode<S: Collection>(_ text: S) -> [UInt8]? where S.Element == UInt8 {
        guard text.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 2)
        var high: UInt8?
        for byte in text {
            guard let digit = hexValue(byte) else { return nil }
            if let h = high {
                out.append(h << 4 | digit)
                high = nil
            } else {
                high = digit
            }
        }
        return out
    }

    /// A little-endian value of at most 8 bytes from its hex digits; nil when malformed.
    static func parseLittleEndian<S: Collection>(_ text: S) -> UInt64? where S.Element == UInt8 {
        guard let bytes = decode(text), !bytes.isEmpty, bytes.count <= 8 else { return nil }
        return bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}
