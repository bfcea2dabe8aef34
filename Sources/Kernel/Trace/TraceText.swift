/// Guest strings and buffers as the syscall trace shows them, strace-style.
enum TraceText {
    /// At most this many bytes of a buffer are shown, then `...`.
    static let bufferLimit = 32
    /// At most this many bytes of a string are read.
    static let stringLimit = 256

    /// `"hello\n"`: printable ASCII as is, `\n \t \r \\ \"` escaped, other bytes as `\xNN`.
    /// With `stopAtNul`, the text ends at the first NUL.
    static func quoted(_ bytes: [UInt8], stopAtNul: Bool = false) -> String {
        var text = "\""
        for byte in bytes {
            if stopAtNul && byte == 0 { break }
            switch byte {
            case UInt8(ascii: "\n"): text += "\\n"
            case UInt8(ascii: "\t"): text += "\\t"
            case UInt8(ascii: "\r"): text += "\\r"
            case UInt8(ascii: "\\"): text += "\\\\"
            case UInt8(ascii: "\""): text += "\\\""
            case 0x20..<0x7f: text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = String(byte, radix: 16)
                text += "\\x" + (digits.count == 1 ? "0" : "") + digits
            }
        }
        return text + "\""
    }

    /// The first `bufferLimit` bytes of `[address, address + length)`, quoted, `...` when cut;
    /// the pointer in hex when the memory is not mapped.
    static func buffer(at address: UInt64, length: UInt64, peek: (UInt64, Int) -> [UInt8]?) -> String {
        let shown = Int(min(length, UInt64(bufferLimit)))
        guard let bytes = peek(address, shown), bytes.count == shown else { return hex(address) }
        return quoted(bytes) + (length > UInt64(bufferLimit) ? "..." : "")
    }
}
