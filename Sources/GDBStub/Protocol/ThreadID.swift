import Kernel

/// A thread named in a packet: `p<pid>.<tid>` under the multiprocess extensions, else `<tid>`.
/// Either part may be -1 (all) or 0 (any); a plain `<tid>` names any process.
public struct ThreadID: Equatable, Sendable {
    public static let all: Int64 = -1, any: Int64 = 0

    public var pid: Int64
    public var tid: Int64

    public init(pid: Int64, tid: Int64) {
        self.pid = pid
        self.tid = tid
    }

    /// `text` as a thread id; nil when malformed (not hex, more than 16 digits, an empty part).
    public static func parse<S: Collection>(_ text: S) -> ThreadID? where S.Element == UInt8 {
        guard text.first == UInt8(ascii: "p") else { return part(text).map { ThreadID(pid: any, tid: $0) } }
        let fields = text.dropFirst().split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard let pid = part(fields[0]) else { return nil }
        guard fields.count == 2 else { return ThreadID(pid: pid, tid: all) }
        return part(fields[1]).map { ThreadID(pid: pid, tid: $0) }
    }

    /// Whether the id covers `thread`.
    public func matches(_ thread: DebugThread) -> Bool {
        (pid <= 0 || pid == thread.pid) && (tid <= 0 || tid == thread.tid)
    }

    /// How a reply names `thread`.
    static func encode(_ thread: DebugThread, multiprocess: Bool) -> String {
        multiprocess ? "p\(Hex.number(UInt64(thread.pid))).\(Hex.number(UInt64(thread.tid)))" : Hex.number(UInt64(thread.tid))
    }

    /// A hex number or -1.
    private static func part<S: Collection>(_ text: S) -> Int64? where S.Element == UInt8 {
        if text.elementsEqual("-1".utf8) { return all }
        guard let n = Hex.parseNumber(text), n <= UInt64(Int64.max) else { return nil }
        return Int64(n)
    }
}
