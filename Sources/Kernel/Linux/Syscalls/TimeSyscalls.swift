import Glibc

/// The host's clocks, as the guest sees them.
enum TimeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 113, name: "clock_gettime", arguments: [.decimal, .hex], result: .decimal,
                          handler: clockGettime),
        SyscallDefinition(number: 169, name: "gettimeofday", arguments: [.hex, .hex], result: .decimal,
                          handler: gettimeofday),
        SyscallDefinition(number: 101, name: "nanosleep", arguments: [.hex, .hex], result: .decimal, handler: nanosleep),
        SyscallDefinition(number: 115, name: "clock_nanosleep", arguments: [.decimal, .hex, .hex, .hex], result: .decimal,
                          handler: clockNanosleep),
    ]

    /// clock_gettime(clock, tp): the host clock of that id as `{sec, nsec}`; `-EINVAL` for a clock
    /// the host rejects, `-EFAULT` for a bad pointer.
    static func clockGettime(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard a[0] <= UInt64(Int32.max) else { return .error(.EINVAL) }
        var now = timespec()
        guard clock_gettime(clockid_t(a[0]), &now) == 0 else { return .value(-Int64(errno)) }
        return IOSyscalls.complete(process.copyOut(GuestBytes.words(UInt64(now.tv_sec), UInt64(now.tv_nsec)), to: a[1]), value: 0)
    }

    /// gettimeofday(tv, tz): the real-time clock as `{sec, usec}`; a timezone reads as zeros.
    static func gettimeofday(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        if a[0] != 0, case .failure(let error) = process.copyOut(GuestBytes.words(UInt64(now.tv_sec), UInt64(now.tv_nsec / 1000)), to: a[0]) {
            return IOSyscalls.failure(error)
        }
        if a[1] != 0 { return IOSyscalls.complete(process.copyOut([UInt8](repeating: 0, count: 8), to: a[1]), value: 0) }
        return .value(0)
    }

    /// nanosleep(req, rem): sleeps on the host for `{sec, nsec}`; `-EINVAL` for a negative time or
    /// nanoseconds out of range, `-EFAULT` for a bad pointer. A signal handler interrupts it with
    /// `-EINTR` and the time left in `rem` (`reportRemainingSleep`).
    static func nanosleep(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        sleep(process, clock: UInt64(CLOCK_MONOTONIC), flags: 0, request: a[0])
    }

    /// clock_nanosleep(clock, flags, req, rem): sleeps on the host clock of that id for `{sec, nsec}`,
    /// or until that time with TIMER_ABSTIME (flags 1). `-EINVAL` for a bad clock, flags or time,
    /// `-EFAULT` for a bad pointer; interrupted as nanosleep (`rem` only for a relative sleep).
    static func clockNanosleep(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard a[0] <= UInt64(Int32.max), a[1] & ~UInt64(TIMER_ABSTIME) == 0 else { return .error(.EINVAL) }
        return sleep(process, clock: a[0], flags: Int32(a[1]), request: a[2])
    }

    /// Writes the time left until `deadline` to the `rem` of the nanosleep or relative
    /// clock_nanosleep that a signal interrupted (the registers still hold its arguments); a bad
    /// `rem` is ignored, as the call's result is EINTR whatever happens to it.
    static func reportRemainingSleep(_ process: Process, until deadline: UInt64) {
        let hart = process.hart
        let remainder: UInt64
        switch hart.register(Register.a7) {
        case 101: remainder = hart.register(Register.a1)
        case 115 where hart.register(Register.a1) & UInt64(TIMER_ABSTIME) == 0: remainder = hart.register(Register.a3)
        default: return
        }
        guard remainder != 0 else { return }
        let now = Scheduler.monotonicNow()
        let left = deadline > now ? deadline - now : 0
        _ = process.copyOut(GuestBytes.words([left / 1_000_000_000, left % 1_000_000_000]), to: remainder)
    }

    private static func sleep(_ process: Process, clock: UInt64, flags: Int32, request address: UInt64) -> SyscallResult {
        let request: [UInt8]
        switch process.copyIn(from: address, count: 16) {
        case .success(let bytes): request = bytes
        case .failure(let error): return IOSyscalls.failure(error)
        }
        let seconds = Int64(bitPattern: GuestBytes.word(request, at: 0))
        let nanoseconds = Int64(bitPattern: GuestBytes.word(request, at: 8))
        guard seconds >= 0, (0..<1_000_000_000).contains(nanoseconds) else { return .error(.EINVAL) }
        if process.scheduler?.waitsMustNotBlockHost == true || process.scheduler?.current.restartDeadline != nil {
            return sleepAsTask(process, clock: clock, flags: flags, seconds: seconds, nanoseconds: nanoseconds)
        }
        var duration = timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds))
        var remaining = timespec()
        while true {
            let result = clock_nanosleep(clockid_t(clock), flags, &duration, &remaining)
            if result == EINTR {
                if flags == 0 { duration = remaining }
                continue
            }
            return .value(-Int64(result))
        }
    }

    /// The sleep while other tasks exist: the task blocks until the deadline (on CLOCK_MONOTONIC;
    /// an absolute time on another clock is converted at the call) and the others run.
    private static func sleepAsTask(_ process: Process, clock: UInt64, flags: Int32, seconds: Int64,
                                    nanoseconds: Int64) -> SyscallResult {
        var requested = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000).partialValue &+ UInt64(nanoseconds)
        if flags & TIMER_ABSTIME != 0 {
            var now = timespec()
            guard clock_gettime(clockid_t(clock), &now) == 0 else { return .error(.EINVAL) }
            let current = UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
            requested = requested > current ? requested - current : 0
        }
        guard requested > 0, let deadline = process.timedWaitDeadline(after: requested) else { return .value(0) }
        return .block(.until(deadline))
    }
}
