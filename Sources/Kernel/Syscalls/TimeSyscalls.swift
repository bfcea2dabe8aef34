#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The host's clocks, as the guest sees them.
enum TimeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 113, name: "clock_gettime", arguments: [.decimal, .hex], result: .decimal,
                          handler: clockGettime),
        SyscallDefinition(number: 169, name: "gettimeofday", arguments: [.hex, .hex], result: .decimal,
                          handler: gettimeofday),
        SyscallDefinition(number: 101, name: "nanosleep", arguments: [.hex, .hex], result: .decimal, handler: nanosleep),
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
    /// nanoseconds out of range, `-EFAULT` for a bad pointer. It is never interrupted, so `rem` is
    /// not written.
    static func nanosleep(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        let request: [UInt8]
        switch process.copyIn(from: a[0], count: 16) {
        case .success(let bytes): request = bytes
        case .failure(let error): return IOSyscalls.failure(error)
        }
        let seconds = Int64(bitPattern: GuestBytes.word(request, at: 0))
        let nanoseconds = Int64(bitPattern: GuestBytes.word(request, at: 8))
        guard seconds >= 0, (0..<1_000_000_000).contains(nanoseconds) else { return .error(.EINVAL) }
        var duration = timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds))
        var remaining = timespec()
        while Glibc.nanosleep(&duration, &remaining) != 0 && errno == EINTR { duration = remaining }
        return .value(0)
    }
}
