/// What Linux keeps per task beyond the signal actions and mask (`SignalState`) and the name
/// (`Process.taskName`): the alternate signal stack, where SA_ONSTACK handlers run.
final class TaskState {
    /// riscv64's `stack_t`: ss_sp, ss_flags (an int, then 4 bytes of padding), ss_size.
    struct AlternateStack: Equatable {
        var base: UInt64 = 0
        var flags: UInt32 = AlternateStack.disabled
        var size: UInt64 = 0

        static let byteSize = 24
        /// SS_ONSTACK, SS_DISABLE and SS_AUTODISARM; MINSIGSTKSZ.
        static let onStack: UInt32 = 1, disabled: UInt32 = 2, autoDisarm: UInt32 = 1 << 31
        static let minimumSize: UInt64 = 2048

        var bytes: [UInt8] { GuestBytes.words(base, UInt64(flags), size) }
        /// Set up and not disabled.
        var isEnabled: Bool { flags & AlternateStack.disabled == 0 && size > 0 }
        /// True when `sp` points into the stack (Linux's on_sig_stack).
        func contains(_ sp: UInt64) -> Bool { isEnabled && sp > base && sp &- base <= size }
    }

    var alternateStack = AlternateStack()
}
