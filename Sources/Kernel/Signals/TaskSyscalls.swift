/// Task-level calls that static glibc and busybox make and that need little more than an
/// answer: prctl (the task name), sched_getaffinity and sched_yield, and rseq and
/// riscv_hwprobe, which are refused with `-ENOSYS` so libc falls back.
enum TaskSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(167, "prctl", [.decimal, .hex, .hex, .hex, .hex], prctl),
        SyscallDefinition(123, "sched_getaffinity", [.decimal, .decimal, .hex], schedGetaffinity),
        SyscallDefinition(124, "sched_yield", []) { _, _ in .value(0) },
        SyscallDefinition(293, "rseq", [.hex, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
        SyscallDefinition(258, "riscv_hwprobe", [.hex, .decimal, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
    ]

    /// prctl's PR_SET_NAME and PR_GET_NAME.
    static let setName: UInt64 = 15, getName: UInt64 = 16
    /// The one CPU the guest has, as a mask of one `unsigned long`.
    static let cpuMaskSize: UInt64 = 8

    /// prctl(option, arg2...): PR_SET_NAME stores up to 15 bytes of the string at arg2;
    /// PR_GET_NAME writes the name and a NUL (16 bytes at most) to arg2. `-EFAULT` for bad
    /// pointers; every other option `-EINVAL`.
    static func prctl(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let capacity = TaskState.nameCapacity
        switch a[0] & 0xFFFF_FFFF {
        case setName:
            var name: [UInt8] = []
            for offset in 0..<UInt64(capacity - 1) {
                let byte = try process.copyInArgument(from: a[1] + offset, count: 1)[0]
                if byte == 0 { break }
                name.append(byte)
            }
            process.task.name = name
            return .value(0)
        case getName:
            let name = process.task.name + [0]
            try process.copyOutArgument(name + [UInt8](repeating: 0, count: capacity - name.count), to: a[1])
            return .value(0)
        default:
            return .error(.EINVAL)
        }
    }

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
