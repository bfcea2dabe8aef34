import Glibc

/// ppoll and pselect6 on the process's descriptors, answered by the host's poll on the host
/// descriptors. A call that has to wait blocks its task until a descriptor is ready or the
/// timeout passes (the scheduler polls for it), so other tasks run meanwhile.
enum PollSyscalls {
    /// The most descriptors one call may name (Linux's RLIMIT_NOFILE here).
    static let maxDescriptors = UInt64(FileTable.limit)
    /// POLLNVAL: the descriptor is not open.
    static let invalid: Int16 = 0x20
    /// The events pselect6's read, write and except sets stand for (Linux's POLLIN_SET, ...).
    static let readEvents = Int16(POLLIN | POLLHUP | POLLERR), writeEvents = Int16(POLLOUT | POLLERR)
    static let exceptEvents = Int16(POLLPRI)

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(73, "ppoll", [.hex, .decimal, .hex, .hex, .decimal], ppoll),
        SyscallDefinition(72, "pselect6", [.decimal, .hex, .hex, .hex, .hex, .hex], pselect6),
    ]

    /// ppoll(fds, nfds, timeout, sigmask, sigsetsize): fills each `struct pollfd {int fd; short
    /// events; short revents}`'s revents and returns how many are non-zero. A negative fd is
    /// skipped, a closed one reports POLLNVAL; a NULL timeout waits, `{0, 0}` does not. The mask
    /// is not applied. `-EINVAL` for too many descriptors or a bad timeout, `-EFAULT` for bad
    /// pointers.
    static func ppoll(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] <= maxDescriptors else { return .error(.EINVAL) }
        let count = Int(a[1])
        let timeout = try timeoutArgument(process, a[2])
        var guestRecords = try process.copyInArgument(from: a[0], count: count * 8)
        var hostRecords: [pollfd] = []
        var closed = Set<Int>()
        for i in 0..<count {
            let fd = Int32(bitPattern: UInt32(GuestBytes.word(guestRecords, at: i * 8) & 0xffff_ffff))
            let events = Int16(truncatingIfNeeded: GuestBytes.word(guestRecords, at: i * 8) >> 32)
            if fd >= 0, let entry = process.files[Int64(fd)] {
                hostRecords.append(pollfd(fd: entry.hostDescriptor, events: events, revents: 0))
            } else {
                if fd >= 0 { closed.insert(i) }
                hostRecords.append(pollfd(fd: -1, events: 0, revents: 0))
            }
        }
        let n = try pollNow(&hostRecords)
        if n == 0, closed.isEmpty, let wait = waitForDescriptors(process, hostRecords, timeout: timeout) { return wait }
        var ready = 0
        for (i, record) in hostRecords.enumerated() {
            let revents = closed.contains(i) ? invalid : record.revents
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
        var hostRecords: [pollfd] = []
        var guestFDs: [Int] = []
        for fd in 0..<Int(nfds) {
            var events: Int16 = 0
            for (k, set) in sets.enumerated() where set.map({ $0[fd / 8] & (1 << (fd % 8)) != 0 }) == true { events |= eventsOfSet[k] }
            guard events != 0 else { continue }
            guard let entry = process.files[Int64(fd)] else { return .error(.EBADF) }
            hostRecords.append(pollfd(fd: entry.hostDescriptor, events: events, revents: 0))
            guestFDs.append(fd)
        }
        let n = try pollNow(&hostRecords)
        if n == 0, let wait = waitForDescriptors(process, hostRecords, timeout: timeout) { return wait }
        var ready = 0
        var results = sets.map { $0.map { [UInt8](repeating: 0, count: $0.count) } }
        for (record, fd) in zip(hostRecords, guestFDs) {
            for (k, events) in eventsOfSet.enumerated() where sets[k] != nil && record.revents & events != 0
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

    /// The host's poll of `records` without waiting; returns how many are ready.
    private static func pollNow(_ records: inout [pollfd]) throws(SyscallFailure) -> Int32 {
        let n = HostIO.pollNow(&records)
        guard n >= 0 else { throw SyscallFailure(.error(.host)) }
        return Int32(n)
    }

    /// Nothing is ready: nil when the timeout is zero or has passed (the call returns 0), else
    /// the block until a descriptor is ready or the deadline.
    private static func waitForDescriptors(_ process: Process, _ records: [pollfd], timeout: UInt64?) -> SyscallResult? {
        var condition = WaitCondition()
        condition.descriptors = records.filter { $0.fd >= 0 }.map { WaitedDescriptor(fd: $0.fd, events: $0.events) }
        if let timeout {
            guard timeout > 0, let deadline = process.timedWaitDeadline(after: timeout) else { return nil }
            condition.deadline = deadline
        }
        process.traceSink.flush()
        return .block(condition)
    }
}
