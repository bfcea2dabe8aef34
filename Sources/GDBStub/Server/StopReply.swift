import Kernel
import RISCV

/// Stop replies: what the client is told when the guest stops or ends.
enum StopReply {
    /// GDB's signal numbers (gdb/signals.def) for the stops and kills tinyrv reports.
    static let sigint: UInt8 = 2, sigtrap: UInt8 = 5, sigkill: UInt8 = 9, sigxcpu: UInt8 = 24

    /// `TssINFOthread:ID;` with `info` as `key:value;` pairs (empty for none).
    static func stopped(signal: UInt8, _ info: String = "", thread: String = "1") -> String {
        "T" + String(decoding: Hex.byte(signal), as: UTF8.self) + info + "thread:\(thread);"
    }

    /// `Wxx` for an exit with its status, `Xss` for a kill with its signal; `;process:PID` added
    /// when `process` is given (multiprocess).
    static func exited(_ outcome: ExitOutcome, process: Int64? = nil) -> String {
        let suffix = process.map { ";process:\(Hex.number(UInt64($0)))" } ?? ""
        switch outcome {
        case .exited(let code): return "W" + String(decoding: Hex.byte(UInt8(truncatingIfNeeded: code)), as: UTF8.self) + suffix
        case .killed(let reason, _): return "X" + String(decoding: Hex.byte(signal(for: reason)), as: UTF8.self) + suffix
        case .budgetExhausted: return "X" + String(decoding: Hex.byte(sigxcpu), as: UTF8.self) + suffix
        }
    }

    /// `Wxx;process:PID` or `Xss;process:PID` for a process that ended with wait status `status`.
    static func ended(process pid: Int64, status: Int32) -> String {
        let suffix = ";process:\(Hex.number(UInt64(pid)))"
        if status & 0x7f == 0 { return "W" + String(decoding: Hex.byte(UInt8(truncatingIfNeeded: status >> 8)), as: UTF8.self) + suffix }
        return "X" + String(decoding: Hex.byte(UInt8(truncatingIfNeeded: status & 0x7f)), as: UTF8.self) + suffix
    }

    /// The signal a kill stands for (its exit status less 128).
    static func signal(for reason: KillReason) -> UInt8 {
        UInt8(truncatingIfNeeded: reason.exitStatus - 128)
    }

    /// The `key:value;` of a watchpoint hit.
    static func watchInfo(_ kind: WatchKind, address: UInt64) -> String {
        let key: String
        switch kind {
        case .write: key = "watch"
        case .read: key = "rwatch"
        case .access: key = "awatch"
        }
        return "\(key):\(Hex.number(address));"
    }
}
