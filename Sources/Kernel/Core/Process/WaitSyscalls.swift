/// wait4 and waitid: a parent collects its children's ends (xv6's `wait`), and the process-group
/// calls busy-box sh makes: setpgid, getpgid, setsid, getsid.
enum WaitSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(260, "wait4", [.decimal, .hex, .hex, .hex], wait4),
        SyscallDefinition(95, "waitid", [.decimal, .decimal, .hex, .hex, .hex], waitid),
        SyscallDefinition(154, "setpgid", [.decimal, .decimal], setpgid),
        SyscallDefinition(155, "getpgid", [.decimal], getpgid),
        SyscallDefinition(156, "getsid", [.decimal], getsid),
        SyscallDefinition(157, "setsid", [], setsid),
    ]

    /// WNOHANG, WUNTRACED/WSTOPPED, WEXITED, WCONTINUED, WNOWAIT, __WNOTHREAD, __WALL, __WCLONE.
    static let noHang: UInt64 = 1, untraced: UInt64 = 2, exited: UInt64 = 4, continued: UInt64 = 8
    static let noWait: UInt64 = 0x0100_0000, linuxFlags: UInt64 = 0x2000_0000 | 0x4000_0000 | 0x8000_0000
    /// Bytes of `struct rusage`.
    static let rusageSize = 144

    /// wait4(pid, wstatus, options, rusage): reaps a zombie child that `pid` selects (> 0 that
    /// child, -1 any, 0 the caller's group, < -1 the group -pid), storing its status word
    /// (`(code << 8)` for an exit, the signal for a kill) and a zeroed rusage; returns its pid.
    /// With WNOHANG and no zombie, 0; else blocks until a child ends. `-ECHILD` when no child
    /// matches, `-EINVAL` for unknown options, `-EFAULT` for bad pointers.
    static func wait4(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let options = a[2]
        guard options & ~(noHang | untraced | continued | linuxFlags) == 0 else { return .error(.EINVAL) }
        let selected = try children(of: process, selector: Int64(Int32(truncatingIfNeeded: a[0])))
        guard let zombie = selected.first(where: { $0.family.waitStatus != nil }) else {
            return waitMore(process, noHang: options & noHang != 0)
        }
        if a[1] != 0 { try process.copyOutArgument(Array(GuestBytes.words(UInt64(UInt32(bitPattern: zombie.family.waitStatus!)))[0..<4]), to: a[1]) }
        if a[3] != 0 { try process.copyOutArgument([UInt8](repeating: 0, count: rusageSize), to: a[3]) }
        process.scheduler?.reap(zombie.family.pid)
        return .value(zombie.family.pid)
    }

    /// waitid(idtype, id, infop, options, rusage): like wait4 for P_ALL (0), P_PID (1) or P_PGID
    /// (2), reporting in a siginfo: SIGCHLD, CLD_EXITED with the exit code or CLD_KILLED with the
    /// signal, the pid and uid. WNOWAIT leaves the zombie; WNOHANG with nothing to report returns 0
    /// with a zeroed siginfo. `-EINVAL` without WEXITED or for another idtype.
    static func waitid(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let options = a[3]
        guard options & ~(noHang | untraced | exited | continued | noWait | linuxFlags) == 0, options & exited != 0 else {
            return .error(.EINVAL)
        }
        let id = Int64(Int32(truncatingIfNeeded: a[1]))
        let selector: Int64
        switch a[0] {
        case 0: selector = -1
        case 1: guard id > 0 else { return .error(.EINVAL) }; selector = id
        case 2: guard id >= 0 else { return .error(.EINVAL) }; selector = id == 0 ? 0 : -id
        default: return .error(.EINVAL)
        }
        let selected = try children(of: process, selector: selector)
        guard let zombie = selected.first(where: { $0.family.waitStatus != nil }) else {
            if options & noHang != 0, a[2] != 0 { try process.copyOutArgument([UInt8](repeating: 0, count: 128), to: a[2]) }
            return waitMore(process, noHang: options & noHang != 0)
        }
        let status = zombie.family.waitStatus!
        var info = SignalInfo(signal: Signal.child, code: 1, senderPID: zombie.family.pid)
        if status & 0x7f == 0 { info.status = (status >> 8) & 0xff } else { (info.code, info.status) = (2, status & 0x7f) }
        if a[2] != 0 { try process.copyOutArgument(info.bytes, to: a[2]) }
        if a[4] != 0 { try process.copyOutArgument([UInt8](repeating: 0, count: rusageSize), to: a[4]) }
        if options & noWait == 0 { process.scheduler?.reap(zombie.family.pid) }
        return .value(0)
    }

    /// The children `selector` names (wait4's pid argument); `-ECHILD` when there are none.
    private static func children(of process: Process, selector: Int64) throws(SyscallFailure) -> [Process] {
        let all = process.family.children.compactMap { process.scheduler?.process($0) }
        let selected: [Process]
        switch selector {
        case -1: selected = all
        case 0: selected = all.filter { $0.family.processGroup == process.family.processGroup }
        case ..<(-1): selected = all.filter { $0.family.processGroup == -selector }
        default: selected = all.filter { $0.family.pid == selector }
        }
        guard !selected.isEmpty else { throw SyscallFailure(.ECHILD) }
        return selected
    }

    /// No zombie yet: 0 with WNOHANG, else block until a child event.
    private static func waitMore(_ process: Process, noHang: Bool) -> SyscallResult {
        if noHang { return .value(0) }
        process.family.childEvent = false
        return .block(.children())
    }

    /// setpgid(pid, pgid): moves the caller or one of its children (pid 0: the caller) into group
    /// `pgid` (0: its own pid), which must be its own or an existing group of its session.
    /// `-ESRCH` for another process, `-EACCES` for a child that has exec'd, `-EPERM` for a session
    /// leader or a group of another session, `-EINVAL` for a negative pgid.
    static func setpgid(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let pid = Int64(Int32(truncatingIfNeeded: a[0])), group = Int64(Int32(truncatingIfNeeded: a[1]))
        guard pid >= 0, group >= 0 else { return .error(.EINVAL) }
        let targetPID = pid == 0 ? process.family.pid : pid
        let target: Process
        if targetPID == process.family.pid {
            target = process
        } else {
            guard process.family.children.contains(targetPID), let child = process.scheduler?.process(targetPID),
                  child.family.waitStatus == nil else { return .error(.ESRCH) }
            guard !child.family.hasExecuted else { return .error(.EACCES) }
            target = child
        }
        guard target.family.session == process.family.session, target.family.pid != target.family.session else { return .error(.EPERM) }
        let newGroup = group == 0 ? target.family.pid : group
        if newGroup != target.family.pid {
            let members = process.scheduler?.liveProcesses ?? [process]
            guard members.contains(where: { $0.family.processGroup == newGroup && $0.family.session == process.family.session }) else {
                return .error(.EPERM)
            }
        }
        target.family.processGroup = newGroup
        return .value(0)
    }

    /// getpgid(pid) and getsid(pid): the group or session of the caller (0) or of a live process.
    static func getpgid(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        .value(try target(process, a[0]).family.processGroup)
    }

    static func getsid(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        .value(try target(process, a[0]).family.session)
    }

    /// setsid(): a new session and group led by the caller; `-EPERM` for a group leader.
    static func setsid(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard process.family.processGroup != process.family.pid else { return .error(.EPERM) }
        process.family.session = process.family.pid
        process.family.processGroup = process.family.pid
        return .value(process.family.pid)
    }

    private static func target(_ process: Process, _ register: UInt64) throws(SyscallFailure) -> Process {
        let pid = Int64(Int32(truncatingIfNeeded: register))
        if pid == 0 || pid == process.family.pid { return process }
        guard pid > 0, let found = process.scheduler?.process(pid), found.family.waitStatus == nil else { throw SyscallFailure(.ESRCH) }
        return found
    }
}
