import Kernel
import RISCV

/// Stop replies: what the client is told when the guest stops or ends. Thread 1 is the one task.
enum StopReply {
    /// GDB's signal numbers (gdb/signals.def) for the stops and kills tinyrv reports.
    static let sigint: UInt8 = 2, sigtrap: UInt8 = 5, sigkill: UInt8 = 9, sigxcpu: UInt8 = 24

    /// `TssINFO;thread:1;` with `info` as `key:value;` pairs (empty for none).
    static func stopped(signal: UInt8, _ info: String = "") -> String {
        "T" + String(decoding: Hex.byte(signal), as: UTF8.self) + info + "thread:1;"
    }

    /// `Wxx` for an exit with its status, `Xss` for a kill with its signal.
    static func exited(_ outcome: ExitOutcome) -> String {
        switch outcome {
        case .exited(let code): return "W" + String(decoding: Hex.byte(UInt8(truncatingIfNeeded: code)), as: UTF8.self)
        case .killed(let reason, _): return "X" + String(decoding: Hex.byte(signal(for: reason)), as: UTF8.self)
        case .budgetExhausted: return "X" + String(decoding: Hex.byte(sigxcpu), as: UTF8.self)
        }
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
