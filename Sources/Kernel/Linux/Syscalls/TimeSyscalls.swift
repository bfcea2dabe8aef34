/// The host's clocks, as the guest sees them.
enum TimeSyscalls {
    /// TIMER_ABSTIME, the flag of clock_nanosleep and timer_settime for a time that is absolute.
    static let absoluteTime: UInt64 = 1

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(113, "clock_gettime", [.decimal, .hex], clockGettime),
        SyscallDefinition(169, "gettimeofday", [.hex, .hex], gettimeofday),
        SyscallDefinition(101, "nanosleep", [.hex, .hex], nanosleep),
        SyscallDefinition(115, "clock_nanosleep", [.decimal, .hex, .hex, .hex], clockNanosleep),
    ]

    /// clock_gettime(clock, tp): the host clock of that id as `{sec, nsec}`; `-EINVAL` for a clock
    /// the host rejects, `-EFAULT` for a bad pointer.
    static func clockGettime(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let clock = HostClock(guestID: a[0]) else { return .error(.EINVAL) }
        let now: UInt64
        switch clock.now() {
        case .success(let nanoseconds): now = nanoseconds
        case .failure(let error): return .error(error)
        }
        return IOSyscalls.complete(process.copyOut(GuestBytes.words(now / 1_000_000_000, now % 1_000_000_000), to: a[1]), value: 0)
    }

    /// gettimeofday(tv, tz): the real-time clock as `{sec, usec}`; a timezone reads as zeros.
    static func gettimeofday(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let now = Host.realtimeNow()
        if a[0] != 0, case .failure(let error) = process.copyOut(GuestBytes.words(now / 1_000_000_000, now % 1_000_000_000 / 1_000), to: a[0]) {
            return IOSyscalls.failure(error)
        }
        if a[1] != 0 { return IOSyscalls.complete(process.copyOut([UInt8](repeating: 0, count: 8), to: a[1]), value: 0) }
        return .value(0)
    }

    /// nanosleep(req, rem): sleeps on the host for `{sec, nsec}`; `-EINVAL` for a negative time or
    /// nanoseconds out of range, `-EFAULT` for a bad pointer. A signal handler interrupts it with
    /// `-EINTR` and the time left in `rem` (`reportRemainingSleep`).
    static func nanosleep(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        sleep(process, clock: .monotonic, absolute: false, request: a[0])
    }

    /// clock_nanosleep(clock, flags, req, rem): sleeps on the host clock of that id for `{sec, nsec}`,
    /// or until that time with TIMER_ABSTIME (flags 1). `-EINVAL` for a bad clock, flags or time,
    /// `-EFAULT` for a bad pointer; interrupted as nanosleep (`rem` only for a relative sleep).
    static func clockNanosleep(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let clock = HostClock(guestID: a[0]), a[1] & ~absoluteTime == 0 else { return .error(.EINVAL) }
        return sleep(process, clock: clock, absolute: a[1] == absoluteTime, request: a[2])
    }

    /// Writes the time left until `deadline` to the `rem` of the nanosleep or relative
    /// clock_nanosleep that a signal interrupted (the registers still hold its arguments); a bad
    /// `rem` is ignored, as the call's result is EINTR whatever happens to it.
    static func reportRemainingSleep(_ process: Process, until deadline: UInt64) {
        let hart = process.hart
        let remainder: UInt64
        switch hart.register(Register.a7) {
        case 101: remainder = hart.register(Register.a1)
        case 115 where hart.register(Register.a1) & absoluteTime == 0: remainder = hart.register(Register.a3)
        default: return
        }
        guard remainder != 0 else { return }
        let now = Host.monotonicNow()
        let left = deadline > now ? deadline - now : 0
        _ = process.copyOut(GuestBytes.words([left / 1_000_000_000, left % 1_000_000_000]), to: remainder)
    }

    private static func sleep(_ process: Process, clock: HostClock, absolute: Bool, request address: UInt64) -> SyscallResult {
        let request: [UInt8]
        switch process.copyIn(from: address, count: 16) {
        case .success(let bytes): request = bytes
        case .failure(let error): return IOSyscalls.failure(error)
        }
        let seconds = Int64(bitPattern: GuestBytes.word(request, at: 0))
        let nanoseconds = Int64(bitPattern: GuestBytes.word(request, at: 8))
        guard seconds >= 0, (0..<1_000_000_000).contains(nanoseconds) else { return .error(.EINVAL) }
        if process.scheduler?.waitsMustNotBlockHost == true || process.scheduler?.current.restartDeadline != nil {
            return sleepAsTask(process, clock: clock, absolute: absolute, seconds: seconds, nanoseconds: nanoseconds)
        }
        if absolute { return SyscallResult(clock.sleep(untilSeconds: seconds, nanoseconds: nanoseconds)) }
        return SyscallResult(clock.sleep(seconds: seconds, nanoseconds: nanoseconds))
    }

    /// The sleep while other tasks exist: the task blocks until the deadline (on CLOCK_MONOTONIC;
    /// an absolute time on another clock is converted at the call) and the others run.
    private static func sleepAsTask(_ process: Process, clock: HostClock, absolute: Bool, seconds: Int64,
                                    nanoseconds: Int64) -> SyscallResult {
        var requested = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000).partialValue &+ UInt64(nanoseconds)
        if absolute {
            guard case .success(let current) = clock.now() else { return .error(.EINVAL) }
            requested = requested > current ? requested - current : 0
        }
        guard requested > 0, let deadline = process.timedWaitDeadline(after: requested) else { return .value(0) }
        return .block(.until(deadline))
    }
}
