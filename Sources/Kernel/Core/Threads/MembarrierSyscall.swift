/// membarrier(2) as Linux answers it on a machine with one CPU: every barrier is already implied
/// (only one task runs at a time, and a switch is a full barrier), so the commands only check
/// their registration. rseq is not supported here, so neither are the RSEQ commands.
enum MembarrierSyscall {
    /// The commands (linux/membarrier.h).
    static let query: Int64 = 0, global: Int64 = 1, globalExpedited: Int64 = 2, registerGlobalExpedited: Int64 = 4
    static let privateExpedited: Int64 = 8, registerPrivateExpedited: Int64 = 16
    static let privateExpeditedSyncCore: Int64 = 32, registerPrivateExpeditedSyncCore: Int64 = 64
    static let getRegistrations: Int64 = 512
    /// What QUERY answers: every command above.
    static let supported: Int64 = global | globalExpedited | registerGlobalExpedited | privateExpedited
        | registerPrivateExpedited | privateExpeditedSyncCore | registerPrivateExpeditedSyncCore | getRegistrations

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(283, "membarrier", [.hex, .hex, .decimal], membarrier),
    ]

    /// membarrier(cmd, flags, cpu_id): QUERY returns the supported commands, the REGISTER ones
    /// record the registration (0), GET_REGISTRATIONS returns them, GLOBAL and GLOBAL_EXPEDITED
    /// return 0, the PRIVATE_EXPEDITED ones 0 once registered and `-EPERM` before. `-EINVAL` for
    /// flags or an unknown command.
    static func membarrier(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let command = Int64(Int32(truncatingIfNeeded: a[0]))
        guard UInt32(truncatingIfNeeded: a[1]) == 0 else { return .error(.EINVAL) }
        switch command {
        case query: return .value(supported)
        case global, globalExpedited: return .value(0)
        case registerGlobalExpedited, registerPrivateExpedited, registerPrivateExpeditedSyncCore:
            process.membarrierRegistrations |= command
            return .value(0)
        case privateExpedited, privateExpeditedSyncCore:
            return process.membarrierRegistrations & (command << 1) != 0 ? .value(0) : .error(.EPERM)
        case getRegistrations: return .value(process.membarrierRegistrations)
        default: return .error(.EINVAL)
        }
    }
}
