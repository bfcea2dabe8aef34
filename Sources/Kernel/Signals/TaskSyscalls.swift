/// Task-level calls that static glibc and busybox make and that need little more than an
/// answer: sched_getaffinity and sched_yield, and rseq and riscv_hwprobe, which are refused with
/// `-ENOSYS` so libc falls back.
enum TaskSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(123, "sched_getaffinity", [.decimal, .decimal, .hex], schedGetaffinity),
        SyscallDefinition(124, "sched_yield", []) { _, _ in .value(0) },
        SyscallDefinition(293, "rseq", [.hex, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
        SyscallDefinition(258, "riscv_hwprobe", [.hex, .decimal, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
    ]

    /// The one CPU the guest has, as a mask of one `unsigned long`.
    static let cpuMaskSize: UInt64 = 8

    /// sched_getaffinity(pid, size, mask): one CPU (bit 0) in an 8-byte mask; returns 8. `-EINVAL`
    /// for a size below 8 or not a multiple of 8, `-ESRCH` for another pid, `-EFAULT` for a bad mask.
    static func schedGetaffinity(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let pid = Int64(Int32(truncatingIfNeeded: a[0]))
        guard a[1] >= cpuMaskSize, a[1] % cpuMaskSize == 0 else { return .error(.EINVAL) }
        guard pid == 0 || pid == Process.processID else { return .error(.ESRCH) }
        try process.copyOutArgument(GuestBytes.words(1), to: a[2])
        return .value(Int64(cpuMaskSize))
    }
}
