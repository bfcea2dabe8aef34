/// Little-endian conversions for the structs syscalls read from and write to guest memory.
enum GuestBytes {
    /// The 8 little-endian bytes of each word, in order.
    static func words(_ words: UInt64...) -> [UInt8] { self.words(words) }

    static func words(_ words: [UInt64]) -> [UInt8] {
        words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) } }
    }

    /// The little-endian word at `offset`. Precondition: 8 bytes are there.
    static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    /// The 4 little-endian bytes of `value` (an `int` or `socklen_t`).
    static func word32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }

    /// The little-endian 32-bit value at `offset`. Precondition: 4 bytes are there.
    static func word32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}
