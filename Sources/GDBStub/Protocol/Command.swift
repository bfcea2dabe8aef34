/// A request of the GDB client, parsed from a packet's payload.
public enum Command: Equatable, Sendable {
    /// How execution resumes.
    public enum Resume: Equatable, Sendable { case step, `continue` }
    /// One action of `vCont`: how the threads it names (all when nil) resume.
    public struct Action: Equatable, Sendable {
        public var resume: Resume
        public var thread: ThreadID?
    }
    /// Which thread `H` sets: `g` for register and memory access, `c` for `s` and `c`.
    public enum ThreadUse: Equatable, Sendable { case general, resume }
    /// The breakpoint and watchpoint types of `Z`/`z`: 0 software, 1 hardware, 2 write, 3 read, 4 access.
    public enum PointType: UInt8, Equatable, Sendable { case software = 0, hardware, write, read, access }

    case supported([String])                    // qSupported[:feature;feature...]
    case startNoAckMode                         // QStartNoAckMode
    case readFeatures(annex: String, offset: Int, length: Int) // qXfer:features:read:ANNEX:OFF,LEN
    case haltReason                             // ?
    case readRegisters                          // g
    case writeRegisters([UInt8])                // G XX...
    case readRegister(Int)                      // p n
    case writeRegister(Int, [UInt8])            // P n=XX...
    case readMemory(address: UInt64, length: Int)   // m addr,len
    case writeMemory(address: UInt64, bytes: [UInt8]) // M addr,len:XX... and X addr,len:binary
    case insertPoint(PointType, address: UInt64, length: UInt64) // Z type,addr,kind
    case removePoint(PointType, address: UInt64, length: UInt64) // z type,addr,kind
    case resume(Resume, address: UInt64?)       // c [addr], s [addr], C sig[;addr], S sig[;addr]
    case vContQuery                             // vCont?
    case vCont([Action])                        // vCont;action[:thread]...
    case kill                                   // k, vKill;pid
    case detach(pid: Int64?)                    // D, D;pid
    case attached                               // qAttached[:pid]
    case currentThread                          // qC
    case firstThreadInfo, nextThreadInfo        // qfThreadInfo, qsThreadInfo
    case setThread(ThreadUse, ThreadID)         // Hg id, Hc id
    case threadAlive(ThreadID)                  // T id
    case readThreads(offset: Int, length: Int)  // qXfer:threads:read::OFF,LEN
    case offsets                                // qOffsets
    case catchSyscalls([UInt64]?)               // QCatchSyscalls:0 (nil), :1 (all: []), :1;n;n...
    case unsupported                            // anything else: the empty reply

    /// The command in `payload`; nil when a known command is malformed (answered with an error).
    public static func parse(_ payload: [UInt8]) -> Command? {
        guard let first = payload.first else { return .unsupported }
        let rest = payload.dropFirst()
        switch first {
        case UInt8(ascii: "?"): return .haltReason
        case UInt8(ascii: "g"): return rest.isEmpty ? .readRegisters : nil
        case UInt8(ascii: "G"): return Hex.decode(rest).map { .writeRegisters($0) }
        case UInt8(ascii: "p"): return registerNumber(rest).map { .readRegister($0) }
        case UInt8(ascii: "P"):
            let parts = rest.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let n = registerNumber(parts[0]), let value = Hex.decode(parts[1]) else { return nil }
            return .writeRegister(n, value)
        case UInt8(ascii: "m"):
            guard let (address, length) = addressAndLength(rest) else { return nil }
            return .readMemory(address: address, length: length)
        case UInt8(ascii: "M"), UInt8(ascii: "X"):
            guard let colon = rest.firstIndex(of: UInt8(ascii: ":")),
                  let (address, length) = addressAndLength(rest[..<colon]) else { return nil }
            let data = rest[(colon + 1)...]
            let bytes = first == UInt8(ascii: "M") ? Hex.decode(data) : Array(data)
            guard let bytes, bytes.count == length else { return nil }
            return .writeMemory(address: address, bytes: bytes)
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            let fields = rest.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count >= 3, let rawType = Hex.parseNumber(fields[0]), rawType <= 4,
                  let type = PointType(rawValue: UInt8(rawType)),
                  let address = Hex.parseNumber(fields[1]),
                  let length = Hex.parseNumber(fields[2].prefix { $0 != UInt8(ascii: ";") }) else { return nil }
            return first == UInt8(ascii: "Z") ? .insertPoint(type, address: address, length: length)
                : .removePoint(type, address: address, length: length)
        case UInt8(ascii: "c"), UInt8(ascii: "s"):
            let how: Resume = first == UInt8(ascii: "s") ? .step : .continue
            if rest.isEmpty { return .resume(how, address: nil) }
            return Hex.parseNumber(rest).map { .resume(how, address: $0) }
        case UInt8(ascii: "C"), UInt8(ascii: "S"):
            let how: Resume = first == UInt8(ascii: "S") ? .step : .continue
            let parts = rest.split(separator: UInt8(ascii: ";"), maxSplits: 1, omittingEmptySubsequences: false)
            guard Hex.parseNumber(parts[0]) != nil else { return nil }
            if parts.count == 1 { return .resume(how, address: nil) }
            return Hex.parseNumber(parts[1]).map { .resume(how, address: $0) }
        case UInt8(ascii: "k"): return .kill
        case UInt8(ascii: "D"):
            if rest.isEmpty { return .detach(pid: nil) }
            guard rest.first == UInt8(ascii: ";"), let pid = Hex.parseNumber(rest.dropFirst()),
                  pid <= UInt64(Int64.max) else { return nil }
            return .detach(pid: Int64(pid))
        case UInt8(ascii: "H"):
            guard rest.count >= 2, let use = rest.first, use == UInt8(ascii: "g") || use == UInt8(ascii: "c") else { return nil }
            return ThreadID.parse(rest.dropFirst()).map { .setThread(use == UInt8(ascii: "g") ? .general : .resume, $0) }
        case UInt8(ascii: "T"): return ThreadID.parse(rest).map { .threadAlive($0) }
        case UInt8(ascii: "v"): return parseV(payload)
        case UInt8(ascii: "q"), UInt8(ascii: "Q"): return parseQuery(payload)
        default: return .unsupported
        }
    }

    /// The `v` packets: vCont?, vCont;..., vKill.
    private static func parseV(_ payload: [UInt8]) -> Command? {
        let text = String(decoding: payload, as: UTF8.self)
        if text == "vCont?" { return .vContQuery }
        if text.hasPrefix("vKill") { return .kill }
        guard text.hasPrefix("vCont;") else { return .unsupported }
        var actions: [Action] = []
        for action in text.dropFirst(6).split(separator: ";", omittingEmptySubsequences: false) {
            let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            var thread: ThreadID?
            if parts.count == 2 {
                guard let id = ThreadID.parse(Array(parts[1].utf8)) else { return nil }
                thread = id
            }
            switch parts[0].first {
            case "s", "S": actions.append(Action(resume: .step, thread: thread))
            case "c", "C": actions.append(Action(resume: .continue, thread: thread))
            default: return nil
            }
        }
        return actions.isEmpty ? nil : .vCont(actions)
    }

    /// The `q` and `Q` packets this stub answers.
    private static func parseQuery(_ payload: [UInt8]) -> Command? {
        let text = String(decoding: payload, as: UTF8.self)
        switch text {
        case "qC": return .currentThread
        case "qfThreadInfo": return .firstThreadInfo
        case "qsThreadInfo": return .nextThreadInfo
        case "qOffsets": return .offsets
        case "QStartNoAckMode": return .startNoAckMode
        default: break
        }
        if text == "qSupported" { return .supported([]) }
        if text.hasPrefix("qSupported:") {
            return .supported(text.dropFirst("qSupported:".count).split(separator: ";").map(String.init))
        }
        if text == "qAttached" || text.hasPrefix("qAttached:") { return .attached }
        if text.hasPrefix("qXfer:features:read:") {
            guard let (annex, offset, length) = transfer(text.dropFirst("qXfer:features:read:".count)) else { return nil }
            return .readFeatures(annex: annex, offset: offset, length: length)
        }
        if text.hasPrefix("qXfer:threads:read:") {
            guard let (annex, offset, length) = transfer(text.dropFirst("qXfer:threads:read:".count)), annex.isEmpty else { return nil }
            return .readThreads(offset: offset, length: length)
        }
        if text.hasPrefix("QCatchSyscalls:") {
            let fields = text.dropFirst("QCatchSyscalls:".count).split(separator: ";", omittingEmptySubsequences: false)
            switch fields.first {
            case "0" where fields.count == 1: return .catchSyscalls(nil)
            case "1":
                var numbers: [UInt64] = []
                for field in fields.dropFirst() {
                    guard let n = Hex.parseNumber(Array(field.utf8)) else { return nil }
                    numbers.append(n)
                }
                return .catchSyscalls(numbers)
            default: return nil
            }
        }
        return .unsupported
    }

    /// A register number of `p`/`P` (hex, at most 16 bits).
    private static func registerNumber<S: Collection>(_ text: S) -> Int? where S.Element == UInt8 {
        guard let n = Hex.parseNumber(text), n <= 0xffff else { return nil }
        return Int(n)
    }

    /// `addr,len` with the length at most `PacketDecoder.maxPayload` (an `m` reply must fit a packet).
    private static func addressAndLength<S: Collection>(_ text: S) -> (UInt64, Int)? where S.Element == UInt8 {
        let fields = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard fields.count == 2, let address = Hex.parseNumber(fields[0]), let length = Hex.parseNumber(fields[1]),
              length <= UInt64(PacketDecoder.maxPayload) else { return nil }
        return (address, Int(length))
    }

    /// `ANNEX:OFF,LEN` of a `qXfer` read, with both numbers at most `Int32.max`.
    private static func transfer(_ text: Substring) -> (String, Int, Int)? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 else { return nil }
        let range = fields[1].split(separator: ",", omittingEmptySubsequences: false)
        guard range.count == 2, let offset = Hex.parseNumber(Array(range[0].utf8)),
              let length = Hex.parseNumber(Array(range[1].utf8)),
              offset <= UInt64(Int32.max), length <= UInt64(Int32.max) else { return nil }
        return (String(fields[0]), Int(offset), Int(length))
    }
}
