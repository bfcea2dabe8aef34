#if canImport(Glibc)
import Glibc
#endif

/// ppoll on the process's descriptors, answered by the host's poll on the host descriptors.
enum PollSyscalls {
    /// The most descriptors one call may name (Linux's RLIMIT_NOFILE here).
    static let maxDescriptors = UInt64(FileTable.limit)
    /// POLLNVAL: the descriptor is not open.
    static let invalid: Int16 = 0x20

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(73, "ppoll", [.hex, .decimal, .hex, .hex, .decimal], ppoll),
    ]

    /// ppoll(fds, nfds, timeout, sigmask, sigsetsize): fills each `struct pollfd {int fd; short
    /// events; short revents}`'s revents and returns how many are non-zero. A negative fd is
    /// skipped, a closed one reports POLLNVAL; a NULL timeout waits, `{0, 0}` does not. The mask
    /// is not applied (signals are never delivered). `-EINVAL` for too many descriptors or a bad
    /// timeout, `-EFAULT` for bad pointers.
    static func ppoll(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[1] <= maxDescriptors else { return .error(.EINVAL) }
        let count = Int(a[1])
        var timeoutMilliseconds: Int32 = -1
        if a[2] != 0 {
            let spec = try process.copyInArgument(from: a[2], count: 16)
            let seconds = Int64(bitPattern: GuestBytes.word(spec, at: 0))
            let nanoseconds = Int64(bitPattern: GuestBytes.word(spec, at: 8))
            guard seconds >= 0, (0..<1_000_000_000).contains(nanoseconds) else { return .error(.EINVAL) }
            timeoutMilliseconds = milliseconds(seconds: seconds, nanoseconds: nanoseconds)
        }
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
        process.traceSink.flush()
        var n: Int32
        repeat {
            n = poll(&hostRecords, nfds_t(count), closed.isEmpty ? timeoutMilliseconds : 0)
        } while n < 0 && errno == EINTR
        guard n >= 0 else { return .value(-Int64(errno)) }
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

    /// A valid timeout (`seconds >= 0`, nanoseconds below 1e9) as poll(2)'s milliseconds, rounded
    /// up; -1, no limit, past Int32.max ms (24.8 days), where Linux's deadline is as good as never.
    static func milliseconds(seconds: Int64, nanoseconds: Int64) -> Int32 {
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        let (total, carry) = whole.addingReportingOverflow((nanoseconds + 999_999) / 1_000_000)
        return overflow || carry || total > Int64(Int32.max) ? -1 : Int32(total)
    }
}
