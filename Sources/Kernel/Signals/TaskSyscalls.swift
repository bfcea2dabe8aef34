/// Start-up calls of static glibc that tinyrv refuses with `-ENOSYS`, so libc falls back: rseq
/// (restartable sequences) and riscv_hwprobe (it then assumes the baseline ISA).
enum TaskSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(293, "rseq", [.hex, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
        SyscallDefinition(258, "riscv_hwprobe", [.hex, .decimal, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
    ]
}
