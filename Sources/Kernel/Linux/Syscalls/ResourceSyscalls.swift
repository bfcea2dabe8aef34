/// What the process may learn about its machine and usage: the guest RAM, clock resolution,
/// resource usage, nice values. (The one CPU is in `SchedulingSyscalls`; sigaltstack is recorded
/// in Signals/SignalStackSyscalls.)
enum ResourceSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(114, "clock_getres", [.decimal, .hex]) { process, a in
            guard a[0] <= 11 else { return .error(.EINVAL) }
            guard a[1] != 0 else { return .value(0) }
            return IOSyscalls.complete(process.copyOut(GuestBytes.words(0, 1), to: a[1]), value: 0)
        },
        SyscallDefinition(165, "getrusage", [.decimal, .hex], getrusage),
        SyscallDefinition(179, "sysinfo", [.hex], sysinfo),
        SyscallDefinition(153, "times", [.hex], times),
        SyscallDefinition(141, "getpriority", [.decimal, .decimal], getpriority),
        SyscallDefinition(140, "setpriority", [.decimal, .decimal, .decimal], setpriority),
    ]

    /// PRIO_PROCESS, PRIO_PGRP and PRIO_USER.
    static let priorityOfProcess: UInt64 = 0, priorityOfGroup: UInt64 = 1, priorityOfUser: UInt64 = 2

    /// getpriority(which, who): 20 minus the lowest nice value among the processes `which` and
    /// `who` name (0: the caller, its group, its user), as the raw syscall returns it (1...40).
    /// `-EINVAL` for another `which`, `-ESRCH` when none matches.
    static func getpriority(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let targets = try priorityTargets(process, which: a[0], who: a[1])
        return .value(20 - (targets.map(\.niceValue).min() ?? 0))
    }

    /// setpriority(which, who, prio): sets the nice value, clamped to -20...19, of every process
    /// `which` and `who` name. `-EINVAL` for another `which`, `-ESRCH` when none matches.
    static func setpriority(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let targets = try priorityTargets(process, which: a[0], who: a[1])
        let nice = min(max(Int64(Int32(truncatingIfNeeded: a[2])), -20), 19)
        for target in targets { target.niceValue = nice }
        return .value(0)
    }

    /// The live processes that getpriority/setpriority's `which` and `who` name.
    private static func priorityTargets(_ process: Process, which: UInt64, who: UInt64) throws(SyscallFailure) -> [Process] {
        let id = Int64(Int32(truncatingIfNeeded: who))
        let all = process.scheduler?.liveProcesses ?? [process]
        let targets: [Process]
        switch which {
        case priorityOfProcess: targets = id == 0 ? [process] : all.filter { $0.family.pid == id }
        case priorityOfGroup: targets = all.filter { $0.family.processGroup == (id == 0 ? process.family.processGroup : id) }
        case priorityOfUser: targets = id == 0 || id == Int64(Host.userID) ? all : []
        default: throw SyscallFailure(.EINVAL)
        }
        guard !targets.isEmpty else { throw SyscallFailure(.ESRCH) }
        return targets
    }

    /// times(buf): the process's user time (at a nominal 100 MIPS, as getrusage) in clock ticks of
    /// 10 ms, system and children's times 0, in `struct tms` (four longs) when `buf` is not null;
    /// returns the ticks since the host booted. `-EFAULT` for a bad `buf`.
    static func times(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let instructions = process.scheduler?.instructions(of: process) ?? process.hart.instructionsRetired
        if a[0] != 0 { try process.copyOutArgument(GuestBytes.words(instructions / Process.instructionsPerTick, 0, 0, 0), to: a[0]) }
        return .value(Int64(Host.monotonicNow() / 10_000_000))
    }

    /// getrusage(who, usage): user time in `ru_utime` from instructions retired at a nominal
    /// 100 MIPS: the process's threads' (RUSAGE_SELF), the calling thread's (RUSAGE_THREAD), or
    /// the whole run's for RUSAGE_CHILDREN (children's times are not kept apart); `ru_maxrss` is
    /// the caller's resident memory now, in KiB; everything else zero. 144 bytes. `-EINVAL` for
    /// another `who`.
    static func getrusage(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let who = Int64(bitPattern: a[0])
        guard who == 0 || who == -1 || who == 1 else { return .error(.EINVAL) }
        let scheduler = process.scheduler
        let instructions: UInt64
        switch who {
        case 0: instructions = scheduler?.instructions(of: process) ?? process.hart.instructionsRetired
        case 1: instructions = scheduler?.current.instructions ?? process.hart.instructionsRetired
        default: instructions = process.hart.instructionsRetired
        }
        let microseconds = instructions / 100
        var words = [UInt64](repeating: 0, count: 18)
        words[0] = microseconds / 1_000_000
        words[1] = microseconds % 1_000_000
        words[4] = UInt64(process.addressSpace.regions.reduce(0) { $0 + $1.residentPages }) * PageTable.pageSize / 1024
        return IOSyscalls.complete(process.copyOut(GuestBytes.words(words), to: a[1]), value: 0)
    }

    /// sysinfo(info): the host's uptime, guest RAM as total memory and its free frames as free
    /// memory, one process, memory unit 1. 112 bytes.
    static func sysinfo(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let uptimeSeconds = Host.monotonicNow() / 1_000_000_000
        let frames = process.addressSpace.frames
        let total = UInt64(frames.capacity) * PageTable.pageSize
        let free = UInt64(frames.framesFree) * PageTable.pageSize
        // uptime, loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap,
        // procs (u16) | pad, totalhigh, freehigh, mem_unit (u32) | padding.
        let words: [UInt64] = [uptimeSeconds, 0, 0, 0, total, free, 0, 0, 0, 0, 1, 0, 0, 1]
        return IOSyscalls.complete(process.copyOut(GuestBytes.words(words), to: a[0]), value: 0)
    }
}
