import CHostSys
import Glibc

/// The host's names for itself (uname(2)'s `struct utsname`, less the fields the guest does not
/// take from the host).
struct HostSystemNames: Equatable, Sendable {
    /// The network node name (the host name).
    let nodeName: String
    /// The kernel release, "6.8.0-45-generic".
    let release: String
    /// The kernel version, "#45-Ubuntu SMP PREEMPT_DYNAMIC ...".
    let version: String
}

/// A resource limit of tinyrv's own process (getrlimit(2)'s `struct rlimit`); `UInt64.max` is
/// RLIM_INFINITY on both sides.
struct HostResourceLimit: Equatable, Sendable {
    let current: UInt64
    let maximum: UInt64
}

extension Host {
    /// getuid(2): the real user id tinyrv runs as.
    static var userID: UInt32 { getuid() }
    /// geteuid(2): the effective user id.
    static var effectiveUserID: UInt32 { geteuid() }
    /// getgid(2): the real group id.
    static var groupID: UInt32 { getgid() }
    /// getegid(2): the effective group id.
    static var effectiveGroupID: UInt32 { getegid() }
    /// getpriority(2) of tinyrv's own process: its nice value (-20...19).
    static var niceValue: Int64 { Int64(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)) }
    /// getpid(2): tinyrv's own process id.
    static var processID: Int32 { getpid() }

    /// getgroups(2): the supplementary group ids of tinyrv's process, in the host's order.
    static func supplementaryGroupIDs() -> HostResult<[UInt32]> {
        let count = getgroups(0, nil)
        guard count >= 0 else { return .failure(lastError) }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        guard filled >= 0 else { return .failure(lastError) }
        return .success(groups.prefix(Int(filled)).map { UInt32($0) })
    }

    /// uname(2): the host's node name, kernel release and version.
    static func systemNames() -> HostSystemNames {
        var names = utsname()
        _ = uname(&names)
        func text<Field>(_ field: Field) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return HostSystemNames(nodeName: text(names.nodename), release: text(names.release), version: text(names.version))
    }

    /// getrlimit(2) of `resource` (an RLIMIT_* number, the same on the host as on the guest);
    /// EINVAL for a resource the host does not know.
    static func resourceLimit(_ resource: Int32) -> HostResult<HostResourceLimit> {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return .failure(lastError) }
        return .success(HostResourceLimit(current: UInt64(limit.rlim_cur), maximum: UInt64(limit.rlim_max)))
    }

    /// getresuid(2): tinyrv's real, effective and saved user ids.
    static func userIDs() -> HostResult<[UInt32]> {
        var ids = [UInt32](repeating: 0, count: 3)
        return retryingShim { tinyrv_getresuid(&ids) }.map { ids }
    }

    /// getresgid(2): tinyrv's real, effective and saved group ids.
    static func groupIDs() -> HostResult<[UInt32]> {
        var ids = [UInt32](repeating: 0, count: 3)
        return retryingShim { tinyrv_getresgid(&ids) }.map { ids }
    }

    /// capget(2) of tinyrv's process: effective, permitted and inheritable sets of capabilities
    /// 0-31, then the same of 32-63 (Linux's version 3 layout).
    static func capabilities() -> HostResult<[UInt32]> {
        var sets = [UInt32](repeating: 0, count: 6)
        return retryingShim { tinyrv_capget(&sets) }.map { sets }
    }

    /// prctl(PR_CAPBSET_READ): whether `capability` is in tinyrv's bounding set; EINVAL for a
    /// number the host does not know.
    static func isInBoundingSet(_ capability: Int32) -> HostResult<Bool> {
        retryingShim { tinyrv_capbset_read(capability) }.map { $0 == 1 }
    }
}
