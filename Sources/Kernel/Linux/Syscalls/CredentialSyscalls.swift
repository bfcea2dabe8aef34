/// The ids and capabilities a process holds, and the calls that would change them. Every guest
/// process has tinyrv's own host credentials: the get calls report them (as qemu-riscv64 does), and
/// a set call succeeds when it asks for ids the process already has, else `-EPERM`: tinyrv cannot
/// give a guest other ids than its own. (getuid and friends are in `IdentitySyscalls`.)
enum CredentialSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(148, "getresuid", [.hex, .hex, .hex]) { process, a throws(SyscallFailure) in
            try reportIDs(process, try Host.userIDs().orFail(), to: a)
        },
        SyscallDefinition(150, "getresgid", [.hex, .hex, .hex]) { process, a throws(SyscallFailure) in
            try reportIDs(process, try Host.groupIDs().orFail(), to: a)
        },
        SyscallDefinition(146, "setuid", [.decimal]) { _, a throws(SyscallFailure) in try keep([a[0]], of: Host.userIDs()) },
        SyscallDefinition(144, "setgid", [.decimal]) { _, a throws(SyscallFailure) in try keep([a[0]], of: Host.groupIDs()) },
        SyscallDefinition(145, "setreuid", [.decimal, .decimal]) { _, a throws(SyscallFailure) in try keep(Array(a[0...1]), of: Host.userIDs()) },
        SyscallDefinition(143, "setregid", [.decimal, .decimal]) { _, a throws(SyscallFailure) in try keep(Array(a[0...1]), of: Host.groupIDs()) },
        SyscallDefinition(147, "setresuid", [.decimal, .decimal, .decimal]) { _, a throws(SyscallFailure) in try keep(Array(a[0...2]), of: Host.userIDs()) },
        SyscallDefinition(149, "setresgid", [.decimal, .decimal, .decimal]) { _, a throws(SyscallFailure) in try keep(Array(a[0...2]), of: Host.groupIDs()) },
        SyscallDefinition(151, "setfsuid", [.decimal]) { _, _ in .value(Int64(Host.effectiveUserID)) },
        SyscallDefinition(152, "setfsgid", [.decimal]) { _, _ in .value(Int64(Host.effectiveGroupID)) },
        SyscallDefinition(159, "setgroups", [.decimal, .hex], setgroups),
        SyscallDefinition(90, "capget", [.hex, .hex], capget),
        SyscallDefinition(91, "capset", [.hex, .hex], capset),
    ]

    /// An id argument of -1: "leave this one as it is".
    static let unchanged: UInt64 = 0xffff_ffff
    /// _LINUX_CAPABILITY_VERSION_1 (one 32-bit set), _2 and _3 (two), and the size of one set.
    static let capabilityVersion1: UInt32 = 0x1998_0330, capabilityVersion2: UInt32 = 0x2007_1026
    static let capabilityVersion3: UInt32 = 0x2008_0522, capabilitySetSize = 12

    /// Writes the real, effective and saved ids to the three `u32` pointers of getresuid/getresgid.
    private static func reportIDs(_ process: Process, _ ids: [UInt32], to a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        for (id, address) in zip(ids, a) { try process.copyOutArgument(GuestBytes.word32(id), to: address) }
        return .value(0)
    }

    /// 0 when every id asked for is -1 or one the process already has (`current`: real, effective,
    /// saved), else `-EPERM`.
    private static func keep(_ wanted: [UInt64], of current: HostResult<[UInt32]>) throws(SyscallFailure) -> SyscallResult {
        let ids = try current.orFail()
        let asked = wanted.map { $0 & 0xffff_ffff }.filter { $0 != unchanged }
        return asked.allSatisfy { ids.contains(UInt32($0)) } ? .value(0) : .error(.EPERM)
    }

    /// setgroups(size, list): 0 when `list` holds the supplementary groups the process has (in
    /// any order), else `-EPERM`. `-EINVAL` for a negative or huge size, `-EFAULT` for a bad list.
    static func setgroups(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let size = Int64(Int32(truncatingIfNeeded: a[0]))
        guard size >= 0, size <= 65536 else { return .error(.EINVAL) }
        let bytes = try process.copyInArgument(from: a[1], count: Int(size) * 4)
        let wanted = Set((0..<Int(size)).map { GuestBytes.word32(bytes, at: $0 * 4) })
        return wanted == Set(try Host.supplementaryGroupIDs().orFail()) ? .value(0) : .error(.EPERM)
    }

    /// capget(header, data): the capability sets of tinyrv's own process for the version in the
    /// header (`{u32 version, i32 pid}`, pid 0 or a live process). An unknown version is answered
    /// with version 3 written to the header and `-EINVAL` (0 when `data` is null, the probe glibc
    /// and libcap make). `-ESRCH` for another pid, `-EFAULT` for bad pointers.
    static func capget(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let header = try process.copyInArgument(from: a[0], count: 8)
        let version = GuestBytes.word32(header, at: 0)
        guard let sets = setCount(version) else {
            try process.copyOutArgument(GuestBytes.word32(capabilityVersion3), to: a[0])
            return a[1] == 0 ? .value(0) : .error(.EINVAL)
        }
        let pid = Int64(Int32(bitPattern: GuestBytes.word32(header, at: 4)))
        guard pid >= 0 else { return .error(.EINVAL) }
        guard pid == 0 || process.scheduler?.process(pid) != nil || pid == process.family.pid else { return .error(.ESRCH) }
        guard a[1] != 0 else { return .value(0) }
        let words = try Host.capabilities().orFail().prefix(3 * sets)
        try process.copyOutArgument(words.flatMap { GuestBytes.word32($0) }, to: a[1])
        return .value(0)
    }

    /// capset(header, data): 0 when the sets asked for are the ones the process has, else `-EPERM`;
    /// errors as capget's.
    static func capset(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let header = try process.copyInArgument(from: a[0], count: 8)
        guard let sets = setCount(GuestBytes.word32(header, at: 0)) else {
            try process.copyOutArgument(GuestBytes.word32(capabilityVersion3), to: a[0])
            return .error(.EINVAL)
        }
        let pid = Int64(Int32(bitPattern: GuestBytes.word32(header, at: 4)))
        guard pid == 0 || pid == process.family.pid else { return .error(.EPERM) }
        let data = try process.copyInArgument(from: a[1], count: sets * capabilitySetSize)
        let wanted = (0..<3 * sets).map { GuestBytes.word32(data, at: $0 * 4) }
        return wanted == Array(try Host.capabilities().orFail().prefix(3 * sets)) ? .value(0) : .error(.EPERM)
    }

    /// How many 32-bit triples of sets a capability version has, or nil for an unknown version.
    private static func setCount(_ version: UInt32) -> Int? {
        switch version {
        case capabilityVersion1: return 1
        case capabilityVersion2, capabilityVersion3: return 2
        default: return nil
        }
    }
}
