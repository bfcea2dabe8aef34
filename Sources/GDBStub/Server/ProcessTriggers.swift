import RISCV

/// The breakpoints and watchpoints the client set in one process.
struct ProcessTriggers {
    var software: Set<UInt64> = []
    var hardware: Set<UInt64> = []
    var watchpoints: [Watchpoint] = []

    /// Inserts (`present`) or removes the point of `Z`/`z`; false for a watchpoint of length 0.
    mutating func set(_ type: Command.PointType, address: UInt64, length: UInt64, present: Bool) -> Bool {
        let kind: WatchKind
        switch type {
        case .software:
            if present { software.insert(address) } else { software.remove(address) }
            return true
        case .hardware:
            if present { hardware.insert(address) } else { hardware.remove(address) }
            return true
        case .write: kind = .write
        case .read: kind = .read
        case .access: kind = .access
        }
        guard length > 0 else { return false }
        let watchpoint = Watchpoint(address: address, length: length, kind: kind)
        if !present {
            watchpoints.removeAll { $0 == watchpoint }
        } else if !watchpoints.contains(watchpoint) {
            watchpoints.append(watchpoint)
        }
        return true
    }
}
