/// ppoll and pselect6 on the process's descriptors, answered by the host's poll on the host
/// descriptors. A call that has to wait blocks its task until a descriptor is ready or the
/// timeout passes (the scheduler polls for it), so other tasks run meanwhile.
enum PollSyscalls {
    /// The most descriptors one call may name (Linux's RLIMIT_NOFILE here).
    static let maxDescriptors = UInt64(FileTable.limit)
    /// The events pselect6's read, write and except sets stand for (Linux's POLLIN_SET, ...).
    static let readEvents: PollEvents = [.input, .hangUp, .error], writeEvents: PollEvents = [.output, .error]
    static let exceptEvents: PollEvents = .priority

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(73, "ppoll", [.hex, .decimal, .hex, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try process.withCallMask(at: a[3], size: a[4]) { () throws(SyscallFailure) in try ppoll(process, a) }
        },
        SyscallDefinition(72, "pselect6", [.decimal, .hex, .hex, .hex, .hex, .hex]) { process, a throws(SyscallFailure) in
            guard a[5] != 0 else { return try pselect6(process, a) }
            let mask = try process.copyInArgument(from: a[5], count: 16)
            return try process.withCallMask(at: GuestBytes.word(mask, at: 0), size: GuestBytes.word(mask, at: 8)) {
                () throws(SyscallFailure) in try pselect6(process, a)
            }
        },
    ]

    /// ppoll(fds, nfds, timeout, sigmask, sigsetsize): fills each `struct pollfd {int fd; short
    /// events; short revents}`'s revents and returns how many are non-zero. A negative fd is
    /// skipped, a closed one reports POLLNVAL; a NULL timeout waits, `{0, 0}` does not. The
    /// registration applies the signal mask for the call (`Process.withCallMask`). `-EINVAL` for
    /// too many descriptors or a bad timeout, `-EFAULT` for bad pointers.
    static func ppoll(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] <= maxDescriptors else { return .error(.EINVAL) }
        let count = Int(a[1])
        let timeout = try timeoutArgument(process, a[2])
        var guestRecords = try process.copyInArgument(from: a[0], count: count * 8)
        var hostRecords: [HostPollRecord] = []
        var closed = Set<Int>()
        for i in 0..<count {
            let fd = Int32(bitPattern: UInt32(GuestBytes.word(guestRecords, at: i * 8) & 0xffff_ffff))
            let events = PollEvents(rawValue: Int16(truncatingIfNeeded: GuestBytes.word(guestRecords, at: i * 8) >> 32))
            if fd >= 0, let entry = process.files[Int64(fd)] {
                hostRecords.append(HostPollRecord(descriptor: entry.hostDescriptor, events: events))
            } else {
                if fd >= 0 { closed.insert(i) }
                hostRecords.append(HostPollRecord(descriptor: nil, events: []))
            }
        }
        let n = try Host.pollNow(&hostRecords).orFail()
        if n == 0, closed.isEmpty, let wait = waitForDescriptors(process, hostRecords, timeout: timeout) { return wait }
        var ready = 0
        for (i, record) in hostRecords.enumerated() {
            let revents = (closed.contains(i) ? PollEvents.invalid : record.returned).rawValue
            guestRecords[i * 8 + 6] = UInt8(truncatingIfNeeded: revents)
            guestRecords[i * 8 + 7] = UInt8(truncatingIfNeeded: revents >> 8)
            if revents != 0 { ready += 1 }
        }
        try process.copyOutArgument(guestRecords, to: a[0])
        return .value(Int64(ready))
    }

    /// pselect6(nfds, readfds, writefds, exceptfds, timeout, sigmask): select over the three
    /// bit sets (each `nfds` bits, in 64-bit words), rewritten to hold the ready descriptors;
    /// returns how many bits are set. `-EBADF` for a closed descriptor in a set, `-EINVAL` for a
    /// negative or too large nfds or a bad timeout, `-EFAULT` for bad pointers.
    static func pselect6(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let nfds = Int64(Int32(truncatingIfNeeded: a[0]))
        guard nfds >= 0, nfds <= Int64(maxDescriptors) else { return .error(.EINVAL) }
        let timeout = try timeoutArgument(process, a[4])
        let words = (Int(nfds) + 63) / 64
        var sets: [[UInt8]?] = []
        for address in a[1...3] { sets.append(address == 0 ? nil : try process.copyInArgument(from: address, count: words * 8)) }
        let eventsOfSet = [readEvents, writeEvents, exceptEvents]
        var hostRecords: [HostPollRecord] = []
        var guestFDs: [Int] = []
        for fd in 0..<Int(nfds) {
            var events: PollEvents = []
            for (k, set) in sets.enumerated() where set.map({ $0[fd / 8] & (1 << (fd % 8)) != 0 }) == true { events.formUnion(eventsOfSet[k]) }
            guard !events.isEmpty else { continue }
            guard let entry = process.files[Int64(fd)] else { return .error(.EBADF) }
            hostRecords.append(HostPollRecord(descriptor: entry.hostDescriptor, events: events))
            guestFDs.append(fd)
        }
        let n = try Host.pollNow(&hostRecords).orFail()
        if n == 0, let wait = waitForDescriptors(process, hostRecords, timeout: timeout) { return wait }
        var ready = 0
        var results = sets.map { $0.map { [UInt8](repeating: 0, count: $0.count) } }
        for (record, fd) in zip(hostRecords, guestFDs) {
            for (k, events) in eventsOfSet.enumerated() where sets[k] != nil && !record.returned.isDisjoint(with: events)
                && sets[k]![fd / 8] & (1 << (fd % 8)) != 0 {
                results[k]![fd / 8] |= 1 << (fd % 8)
                ready += 1
            }
        }
        for (k, address) in a[1...3].enumerated() where address != 0 { try process.copyOutArgument(results[k]!, to: address) }
        return .value(Int64(ready))
    }

    /// The timeout at `address` in nanoseconds (nil: wait for ever). `-EINVAL` when negative or
    /// out of range.
    static func timeoutArgument(_ process: Process, _ address: UInt64) throws(SyscallFailure) -> UInt64? {
        guard address != 0 else { return nil }
        let spec = try process.copyInArgument(from: address, count: 16)
        let seconds = Int64(bitPattern: GuestBytes.word(spec, at: 0))
        let nanoseconds = Int64(bitPattern: GuestBytes.word(spec, at: 8))
        guard seconds >= 0, (0..<1_000_000_000).contains(nanoseconds) else { throw SyscallFailure(.EINVAL) }
        let (total, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? UInt64.max / 2 : total &+ UInt64(nanoseconds)
    }

    /// Nothing is ready: nil when the timeout is zero or has passed (the call returns 0), else
    /// the block until a descriptor is ready or the deadline.
    static func waitForDescriptors(_ process: Process, _ records: [HostPollRecord], timeout: UInt64?) -> SyscallResult? {
        var condition = WaitCondition()
        condition.descriptors = records.filter { $0.descriptor != nil }
        if let timeout {
            guard timeout > 0, let deadline = process.timedWaitDeadline(after: timeout) else { return nil }
            condition.deadline = deadline
        }
        process.traceSink.flush()
        return .block(condition)
    }
}
