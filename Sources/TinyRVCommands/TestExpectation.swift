/// What a guest test declares about its own run, read from its ELF section `.tinyrv_expect`.
///
/// The section holds `key=value` lines (see guest/lib/tinyrv.h, `TINYRV_EXPECT`):
/// - `status=N`: the exact exit status of `tinyrv run` (required when the section exists);
/// - `stdout=TEXT`: the whole stdout, with C escapes `\n`, `\t`, `\\`, `\"`;
/// - `stderr~=TEXT`: a substring stderr must contain (repeatable);
/// - `args=A B C`: arguments after argv[0]; `options=--stack-pages 12`: extra `tinyrv run` flags.
/// A program without the section (a bare-metal ISA test, say) is expected to exit 0.
struct TestExpectation: Equatable {
    var status: Int32 = 0
    var stdout: String?
    var stderrContains: [String] = []
    var arguments: [String] = []
    var options: [String] = []

    static let sectionName = ".tinyrv_expect"

    enum ParseError: Error, CustomStringConvertible, Equatable {
        case malformedLine(String)
        case unknownKey(String)
        case badStatus(String)
        case missingStatus

        var description: String {
            switch self {
            case .malformedLine(let l): return "expectation line has no '=': \(l)"
            case .unknownKey(let k): return "unknown expectation key '\(k)'"
            case .badStatus(let v): return "expectation status '\(v)' is not 0...255"
            case .missingStatus: return "expectation has no status= line"
            }
        }
    }

    init() {}

    /// Parses the section's bytes (text up to the first NUL). Throws `ParseError` on any bad line.
    init(section bytes: [UInt8]) throws {
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        var sawStatus = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let eq = line.firstIndex(of: "=") else { throw ParseError.malformedLine(String(line)) }
            let key = String(line[..<eq])
            let value = String(line[line.index(after: eq)...])
            switch key {
            case "status":
                guard let s = Int32(value), (0...255).contains(s) else { throw ParseError.badStatus(value) }
                status = s
                sawStatus = true
            case "stdout": stdout = Self.unescape(value)
            case "stderr~": stderrContains.append(Self.unescape(value))
            case "args": arguments = value.split(separator: " ").map(String.init)
            case "options": options = value.split(separator: " ").map(String.init)
            default: throw ParseError.unknownKey(key)
            }
        }
        guard sawStatus else { throw ParseError.missingStatus }
    }

    /// Why `status`/`stdout`/`stderr` differ from what is expected, or nil when they match.
    func mismatch(status actual: Int32, stdout out: String, stderr err: String) -> String? {
        if actual != status { return "status \(actual), expected \(status)" }
        if let stdout, stdout != out {
            return "stdout differs: expected \(Self.escape(stdout)), got \(Self.escape(out))"
        }
        for needle in stderrContains where !err.contains(needle) {
            return "stderr lacks \(Self.escape(needle))"
        }
        return nil
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
