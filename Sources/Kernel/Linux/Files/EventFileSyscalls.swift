/// eventfd2 and timerfd_create/settime/gettime: descriptors made by the host kernel, so their
/// reads, writes, poll and epoll behave as Linux's. An event counter is written and read only by
/// the guest, so it is held as a pipe end (O_NONBLOCK on the host; a read of a zero counter blocks
/// only its task, and a wait on it alone is a deadlock); a timer becomes readable with time, so it
/// is held as an ordinary owned descriptor, which the scheduler waits on on the host.
enum EventFileSyscalls {
    /// EFD_SEMAPHORE (EFD_NONBLOCK and EFD_CLOEXEC are O_NONBLOCK and O_CLOEXEC, as TFD_*).
    static let semaphore: UInt64 = 1
    /// Bytes of `struct itimerspec`.
    static let timerSpecSize = 32

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(19, "eventfd2", [.decimal, .hex], eventfd2),
        SyscallDefinition(85, "timerfd_create", [.decimal, .hex], timerfdCreate),
        SyscallDefinition(86, "timerfd_settime", [.decimal, .hex, .hex, .hex], timerfdSettime),
        SyscallDefinition(87, "timerfd_gettime", [.decimal, .hex]) { process, a throws(SyscallFailure) in
            let setting = try process.openEntry(a[0]).hostDescriptor.timerSetting().orFail()
            try process.copyOutArgument(GuestBytes.words(setting.map { UInt64(bitPattern: $0) }), to: a[1])
            return .value(0)
        },
    ]

    /// eventfd2(initval, flags): a counter starting at `initval`; a read takes it all (or 1 with
    /// EFD_SEMAPHORE) and blocks at zero, a write adds to it. `-EINVAL` for other flags,
    /// `-EMFILE` when the table is full.
    static func eventfd2(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] & ~(semaphore | OpenFlags.nonBlocking | OpenFlags.closeOnExec) == 0 else { return .error(.EINVAL) }
        let hostFlags = Int32(a[1] & semaphore) | HostOpenFlags.nonBlocking.rawValue
        let counter = try Host.makeEventCounter(initial: UInt32(truncatingIfNeeded: a[0]), flags: hostFlags).orFail()
        return DescriptorSyscalls.install(process, .pipe(counter, PipeEnd(nonBlocking: a[1] & OpenFlags.nonBlocking != 0)),
                                          closeOnExec: a[1] & OpenFlags.closeOnExec != 0)
    }

    /// timerfd_create(clockid, flags): a timer on CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME
    /// (or the host's other timer clocks), readable once it expires. `-EINVAL` for other flags or
    /// an unknown clock.
    static func timerfdCreate(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] & ~(OpenFlags.nonBlocking | OpenFlags.closeOnExec) == 0, a[0] <= UInt64(Int32.max) else { return .error(.EINVAL) }
        let nonBlocking = a[1] & OpenFlags.nonBlocking != 0 ? HostOpenFlags.nonBlocking.rawValue : 0
        let timer = try Host.makeTimer(clock: Int32(a[0]), flags: nonBlocking).orFail()
        return DescriptorSyscalls.install(process, .owned(timer), closeOnExec: a[1] & OpenFlags.closeOnExec != 0)
    }

    /// timerfd_settime(fd, flags, new, old): arms or disarms the timer (TFD_TIMER_ABSTIME,
    /// TFD_TIMER_CANCEL_ON_SET); the previous setting goes to `old` when it is not null. `-EINVAL`
    /// for a descriptor that is no timer or a bad time, `-EFAULT` for bad pointers.
    static func timerfdSettime(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let timer = try process.openEntry(a[0]).hostDescriptor
        let bytes = try process.copyInArgument(from: a[2], count: timerSpecSize)
        let setting = (0..<4).map { Int64(bitPattern: GuestBytes.word(bytes, at: $0 * 8)) }
        if a[3] != 0, !process.isAccessible(a[3], count: UInt64(timerSpecSize), for: .store) { return .error(.EFAULT) }
        let previous = try timer.setTimer(setting, flags: Int32(truncatingIfNeeded: a[1])).orFail()
        if a[3] != 0 { try process.copyOutArgument(GuestBytes.words(previous.map { UInt64(bitPattern: $0) }), to: a[3]) }
        return .value(0)
    }
}
