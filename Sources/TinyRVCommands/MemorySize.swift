import ArgumentParser

/// A guest RAM size given as bytes with an optional K, M or G suffix (powers of 1024): `64M`, `1G`, `1048576`.
struct MemorySize: ExpressibleByArgument, Equatable {
    let bytes: UInt64

    static let minimum: UInt64 = 1 << 20
    static let maximum: UInt64 = 64 << 30

    init(bytes: UInt64) { self.bytes = bytes }

    /// Fails (a usage error, status 125) unless the size is a whole number of 4 KiB pages from 1 MiB to 64 GiB.
    init?(argument: String) {
        let text = argument.uppercased()
        guard let last = text.last else { return nil }
        let shifts: [Character: UInt64] = ["K": 10, "M": 20, "G": 30]
        let shift = shifts[last] ?? 0
        let digits = shifts[last] == nil ? Substring(text) : text.dropLast()
        guard let value = UInt64(digits), value <= (UInt64.max >> shift) else { return nil }
        let bytes = value << shift
        guard bytes >= Self.minimum, bytes <= Self.maximum, bytes % 4096 == 0 else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30)G" : bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)"
    }
}
