/// What Linux keeps per task that tinyrv records but does not act on yet: the signal actions,
/// the blocked mask, the alternate signal stack and the task's name (`comm`). Signals are never
/// delivered to a handler; a signal a process sends itself ends it or is ignored (`Signal`).
final class TaskState {
    /// riscv64's kernel `struct sigaction` (no sa_restorer): handler, flags, mask, 8 bytes each.
    struct SignalAction: Equatable {
        var handler: UInt64 = 0
        var flags: UInt64 = 0
        var mask: UInt64 = 0

        static let size = 24
        /// SIG_DFL and SIG_IGN.
        static let defaultHandler: UInt64 = 0, ignoreHandler: UInt64 = 1

        var bytes: [UInt8] { LittleEndian.bytes(handler) + LittleEndian.bytes(flags) + LittleEndian.bytes(mask) }

        init(handler: UInt64 = 0, flags: UInt64 = 0, mask: UInt64 = 0) {
            (self.handler, self.flags, self.mask) = (handler, flags, mask)
        }

        init(bytes: [UInt8]) {
            self.init(handler: LittleEndian.word(bytes, at: 0), flags: LittleEndian.word(bytes, at: 8),
                      mask: LittleEndian.word(bytes, at: 16))
        }
    }

    /// riscv64's `stack_t`: ss_sp, ss_flags (int, then 4 bytes of padding), ss_size.
    struct AlternateStack: Equatable {
        var base: UInt64 = 0
        var flags: UInt32 = AlternateStack.disabled
        var size: UInt64 = 0

        static let byteSize = 24
        /// SS_ONSTACK, SS_DISABLE and SS_AUTODISARM; MINSIGSTKSZ.
        static let onStack: UInt32 = 1, disabled: UInt32 = 2, autoDisarm: UInt32 = 1 << 31
        static let minimumSize: UInt64 = 2048

        var bytes: [UInt8] { LittleEndian.bytes(base) + LittleEndian.bytes(flags) + [0, 0, 0, 0] + LittleEndian.bytes(size) }
    }

    /// Linux's TASK_COMM_LEN: the name is at most 15 bytes and a NUL.
    static let nameCapacity = 16

    /// The action of signal n at index n - 1 (1...64).
    var actions = [SignalAction](repeating: SignalAction(), count: Signal.count)
    /// The blocked signals, bit n - 1 for signal n; SIGKILL and SIGSTOP are never in it.
    var blocked: UInt64 = 0
    var alternateStack = AlternateStack()
    /// The task name, without NUL: at first the last component of the program path.
    var name: [UInt8]

    init(programPath: String) {
        let last = programPath.split(separator: "/").last.map(String.init) ?? programPath
        name = Array(last.utf8.prefix(TaskState.nameCapacity - 1))
    }
}
