/// Start-up calls of static glibc that tinyrv refuses with `-ENOSYS`, so libc falls back: rseq
/// (restartable sequences); and personality, the execution domain. (riscv_hwprobe is answered:
/// `HardwareProbeSyscalls`.)
enum TaskSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(293, "rseq", [.hex, .decimal, .hex, .hex]) { _, _ in .error(.ENOSYS) },
        SyscallDefinition(92, "personality", [.hex], personality),
    ]

    /// personality(persona): the process's persona before the call (PER_LINUX, 0, at first);
    /// 0xffffffff only asks. The persona's flags (ADDR_NO_RANDOMIZE and the rest) are kept and
    /// reported back, and kept by fork and execve; tinyrv's layout does not depend on them.
    static func personality(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let old = process.inherited.persona
        let persona = a[0] & 0xffff_ffff
        if persona != 0xffff_ffff { process.inherited.persona = persona }
        return .value(Int64(old))
    }
}
