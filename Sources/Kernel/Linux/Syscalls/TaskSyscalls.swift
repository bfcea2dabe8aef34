/// Start-up calls of static glibc that tinyrv refuses with `-ENOSYS`, so libc falls back: rseq
/// (restartable sequences). (riscv_hwprobe is answered: `HardwareProbeSyscalls`.)
enum TaskSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(293, "rseq", [.hex, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
    ]
}
