/// epoll_create1, epoll_ctl, epoll_pwait and epoll_pwait2. A guest epoll instance is a host
/// epoll instance, held in the file table as an owned descriptor, so the host kernel keeps the
/// interest list with Linux's own level-triggered, edge-triggered, one-shot and exclusive rules,
/// fork shares the instance, and closing the last descriptor of a file drops it. Guest pipes and
/// socket pairs are host descriptors, so they can be watched. A wait that finds nothing blocks
/// the task (never tinyrv) until the instance is readable or the timeout passes.
enum EpollSyscalls {
    /// EPOLL_CTL_ADD, EPOLL_CTL_DEL and EPOLL_CTL_MOD.
    static let add: UInt64 = 1, delete: UInt64 = 2, modify: UInt64 = 3
    /// Bytes of riscv64's `struct epoll_event` ({u32 events; u64 data}, not packed).
    static let eventSize = 16
    /// The most events one wait returns (Linux's EP_MAX_EVENTS is INT_MAX / 12).
    static let maxEvents: UInt64 = 1 << 16

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(20, "epoll_create1", [.hex]) { process, a throws(SyscallFailure) in
            guard a[0] & ~OpenFlags.closeOnExec == 0 else { return .error(.EINVAL) }
            let instance = try Host.makeEpoll().orFail()
            return DescriptorSyscalls.install(process, .owned(instance), closeOnExec: a[0] & OpenFlags.closeOnExec != 0)
        },
        SyscallDefinition(21, "epoll_ctl", [.decimal, .decimal, .decimal, .hex], epollCtl),
        SyscallDefinition(22, "epoll_pwait", [.decimal, .hex, .decimal, .decimal, .hex, .decimal]) { process, a throws(SyscallFailure) in
            let milliseconds = Int64(Int32(truncatingIfNeeded: a[3]))
            return try process.withCallMask(at: a[4], size: a[5]) { () throws(SyscallFailure) in
                try wait(process, a, timeout: milliseconds < 0 ? nil : UInt64(milliseconds) * 1_000_000)
            }
        },
        SyscallDefinition(441, "epoll_pwait2", [.decimal, .hex, .decimal, .hex, .hex, .decimal]) { process, a throws(SyscallFailure) in
            let timeout = try PollSyscalls.timeoutArgument(process, a[3])
            return try process.withCallMask(at: a[4], size: a[5]) { () throws(SyscallFailure) in try wait(process, a, timeout: timeout) }
        },
    ]

    /// epoll_ctl(epfd, op, fd, event): adds, changes or removes `fd` in the instance. `-EINVAL`
    /// for an unknown op, `fd == epfd` or an `epfd` that is no epoll instance, `-EBADF`,
    /// `-EFAULT` for a bad event, and the host's `-EEXIST`, `-ENOENT`, `-EPERM` (a regular
    /// file), `-ELOOP`.
    static func epollCtl(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let instance = try process.openEntry(a[0]).hostDescriptor
        let target = try process.openEntry(a[2]).hostDescriptor
        guard [add, delete, modify].contains(a[1]), Process.descriptor(a[0]) != Process.descriptor(a[2]) else { return .error(.EINVAL) }
        var event = HostEpollEvent(events: 0, data: 0)
        if a[1] != delete {
            let bytes = try process.copyInArgument(from: a[3], count: eventSize)
            event = HostEpollEvent(events: GuestBytes.word32(bytes, at: 0), data: GuestBytes.word(bytes, at: 8))
        }
        return SyscallResult(instance.controlEpoll(Int32(a[1]), target: target, event: event), value: 0)
    }

    /// epoll_pwait/epoll_pwait2(epfd, events, maxevents, timeout, sigmask, sigsetsize): up to
    /// `maxevents` ready events copied out, or a block until one is ready or `timeout`
    /// nanoseconds pass (nil: for ever; 0: never), under the call's signal mask (`withCallMask`).
    /// `-EINVAL` for `maxevents <= 0` or an `epfd` that is no epoll instance,
    /// `-EFAULT` for a bad events buffer.
    static func wait(_ process: Process, _ a: [UInt64], timeout: UInt64?) throws(SyscallFailure) -> SyscallResult {
        let instance = try process.openEntry(a[0]).hostDescriptor
        let limit = Int64(Int32(truncatingIfNeeded: a[2]))
        guard limit > 0, UInt64(limit) <= maxEvents else { return .error(.EINVAL) }
        guard process.isAccessible(a[1], count: UInt64(limit) * UInt64(eventSize), for: .store) else { return .error(.EFAULT) }
        let ready = try instance.readyEpollEvents(limit: Int(limit)).orFail()
        if ready.isEmpty {
            let record = HostPollRecord(descriptor: instance, events: .input)
            if let wait = PollSyscalls.waitForDescriptors(process, [record], timeout: timeout) { return wait }
            return .value(0)
        }
        let bytes = ready.flatMap { GuestBytes.words(UInt64($0.events), $0.data) }
        try process.copyOutArgument(bytes, to: a[1])
        return .value(Int64(ready.count))
    }
}
