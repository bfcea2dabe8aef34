/// Who the process is and what it may use: the calls static glibc makes at start-up.
enum IdentitySyscalls {
    /// The most bytes one `getrandom` returns; a longer request returns a short count.
    static let randomChunk = 1 << 16
    /// Linux's RLIMIT_STACK, RLIMIT_SIGPENDING and the number of resources.
    static let stackLimitResource: UInt64 = 3, pendingSignalsResource: UInt64 = 11
    static let resourceCount: UInt64 = 16

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(96, "set_tid_address", [.hex]) { process, a in
            process.scheduler?.current.clearChildTID = a[0] == 0 ? nil : a[0]
            return .value(process.family.pid)
        },
        SyscallDefinition(173, "getppid", []) { process, _ in
            .value(process.family.parentPID)
        },
        SyscallDefinition(174, "getuid", []) { _, _ in .value(Int64(Host.userID)) },
        SyscallDefinition(175, "geteuid", []) { _, _ in .value(Int64(Host.effectiveUserID)) },
        SyscallDefinition(176, "getgid", []) { _, _ in .value(Int64(Host.groupID)) },
        SyscallDefinition(177, "getegid", []) { _, _ in .value(Int64(Host.effectiveGroupID)) },
        SyscallDefinition(158, "getgroups", [.decimal, .hex], getgroups),
        SyscallDefinition(178, "gettid", []) { process, _ in
            .value(process.scheduler?.current.tid ?? process.family.pid)
        },
        SyscallDefinition(160, "uname", [.hex], uname),
        SyscallDefinition(261, "prlimit64", [.decimal, .decimal, .hex, .hex], prlimit64),
        SyscallDefinition(278, "getrandom", [.hex, .decimal, .hex], getrandom),
        SyscallDefinition(167, "prctl", [.decimal, .hex, .hex, .hex, .hex], prctl),
    ]

    /// prctl options: PR_SET_PDEATHSIG 1, PR_GET_PDEATHSIG 2, PR_GET_DUMPABLE 3, PR_SET_DUMPABLE 4,
    /// PR_SET_NAME 15, PR_GET_NAME 16, PR_CAPBSET_READ 23, PR_SET_NO_NEW_PRIVS 38, PR_GET_NO_NEW_PRIVS 39;
    /// and the size of a task name with its NUL.
    static let setParentDeathSignal: UInt64 = 1, getParentDeathSignal: UInt64 = 2
    static let getDumpable: UInt64 = 3, setDumpable: UInt64 = 4
    static let setName: UInt64 = 15, getName: UInt64 = 16, nameSize = 16
    static let readBoundingSet: UInt64 = 23, setNoNewPrivileges: UInt64 = 38, getNoNewPrivileges: UInt64 = 39
    /// The highest capability number Linux knows (CAP_CHECKPOINT_RESTORE).
    static let lastCapability: UInt64 = 40

    /// prctl(option, ...): the task name (PR_SET_NAME records 15 bytes at most, PR_GET_NAME reports
    /// it; at first the program's base name), the parent-death signal (sent when the parent ends,
    /// cleared by fork), the dumpable flag (0 or 1), no_new_privs (set once, never cleared) and
    /// PR_CAPBSET_READ (whether a capability is in tinyrv's own bounding set). Other options, and bad
    /// values for these, are `-EINVAL`; `-EFAULT` for bad pointers.
    static func prctl(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        switch a[0] {
        case setName:
            switch process.copyInString(from: a[1]) {
            case .success(let name): process.taskName = Array(name.prefix(nameSize - 1))
            case .failure(let error): return IOSyscalls.failure(error)
            }
            return .value(0)
        case getName:
            let name = process.taskName + [UInt8](repeating: 0, count: nameSize - process.taskName.count)
            try process.copyOutArgument(name, to: a[1])
            return .value(0)
        case setParentDeathSignal:
            guard a[1] <= UInt64(Signal.count) else { return .error(.EINVAL) }
            process.family.parentDeathSignal = a[1]
            return .value(0)
        case getParentDeathSignal:
            try process.copyOutArgument(GuestBytes.word32(UInt32(process.family.parentDeathSignal)), to: a[1])
            return .value(0)
        case getDumpable:
            return .value(Int64(process.inherited.dumpable))
        case setDumpable:
            guard a[1] <= 1 else { return .error(.EINVAL) }
            process.inherited.dumpable = a[1]
            return .value(0)
        case setNoNewPrivileges:
            guard a[1] == 1, a[2] == 0, a[3] == 0, a[4] == 0 else { return .error(.EINVAL) }
            process.inherited.noNewPrivileges = true
            return .value(0)
        case getNoNewPrivileges:
            guard a[1] == 0, a[2] == 0, a[3] == 0, a[4] == 0 else { return .error(.EINVAL) }
            return .value(process.inherited.noNewPrivileges ? 1 : 0)
        case readBoundingSet:
            guard a[1] <= lastCapability else { return .error(.EINVAL) }
            return .value(try Host.isInBoundingSet(Int32(a[1])).orFail() ? 1 : 0)
        default:
            return .error(.EINVAL)
        }
    }

    /// uname(buf): the host's names, except that the machine is `riscv64` (as qemu-user reports).
    static func uname(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let host = Host.systemNames()
        func text(_ string: String) -> [UInt8] { Array(string.utf8.prefix(64)) + [UInt8](repeating: 0, count: 65 - min(64, string.utf8.count)) }
        let bytes = text("Linux") + text(host.nodeName) + text(host.release) + text(host.version) + text("riscv64")
            + text("(none)")
        return IOSyscalls.complete(process.copyOut(bytes, to: a[0]), value: 0)
    }

    /// prlimit64(pid, resource, new, old): reports the stack limit truthfully (the stack region's
    /// size, soft and hard), RLIMIT_SIGPENDING as `PendingSignals.queueLimit`, and the host's
    /// limits for the rest; a new limit is accepted and ignored.
    /// `-ESRCH` for another pid, `-EINVAL` for an unknown resource, `-EFAULT` for bad pointers.
    static func prlimit64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[0] == 0 || Int64(bitPattern: a[0]) == process.family.pid else { return .error(.ESRCH) }
        guard a[1] < resourceCount else { return .error(.EINVAL) }
        if a[2] != 0, !process.isAccessible(a[2], count: 16, for: .load) { return .error(.EFAULT) }
        guard a[3] != 0 else { return .value(0) }
        let limit: HostResourceLimit
        if a[1] == stackLimitResource {
            let stackBytes = UInt64(process.stackPages) * PageTable.pageSize
            limit = HostResourceLimit(current: stackBytes, maximum: stackBytes)
        } else if a[1] == pendingSignalsResource {
            let queued = UInt64(PendingSignals.queueLimit)
            limit = HostResourceLimit(current: queued, maximum: queued)
        } else {
            switch Host.resourceLimit(Int32(a[1])) {
            case .success(let hostLimit): limit = hostLimit
            case .failure(let error): return .error(error)
            }
        }
        return IOSyscalls.complete(process.copyOut(GuestBytes.words(limit.current, limit.maximum), to: a[3]), value: 0)
    }

    /// getrandom(buf, count, flags): host random bytes; at most `randomChunk` per call.
    static func getrandom(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let count = Int(min(a[1], UInt64(randomChunk)))
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return IOSyscalls.complete(process.copyOut(bytes, to: a[0]), value: Int64(count))
    }

    /// getgroups(size, list): the host's supplementary group ids, as qemu-riscv64 reports them.
    /// With size 0 only their count; `-EINVAL` when size is negative or too small, `-EFAULT` for
    /// a bad list.
    static func getgroups(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let groups: [UInt32]
        switch Host.supplementaryGroupIDs() {
        case .success(let ids): groups = ids
        case .failure(let error): return .error(error)
        }
        let size = Int32(truncatingIfNeeded: a[0])
        if size == 0 { return .value(Int64(groups.count)) }
        guard size > 0, Int(size) >= groups.count else { return .error(.EINVAL) }
        let bytes = groups.flatMap { id in (0..<4).map { UInt8(truncatingIfNeeded: id >> (8 * $0)) } }
        return IOSyscalls.complete(process.copyOut(bytes, to: a[1]), value: Int64(groups.count))
    }
}
