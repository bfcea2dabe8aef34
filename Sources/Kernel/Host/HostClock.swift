import Glibc

/// One of the host's clocks (a clockid_t). The guest's clock ids are Linux's, as the host's are,
/// so a guest id names the same host clock.
struct HostClock: Hashable, Sendable {
    let rawValue: Int32

    init(rawValue: Int32) { self.rawValue = rawValue }

    /// The clock the guest names by `id`; nil for an id no clockid_t can hold (the guest's EINVAL).
    init?(guestID id: UInt64) {
        guard id <= UInt64(Int32.max) else { return nil }
        rawValue = Int32(id)
    }

    static let realtime = HostClock(rawValue: CLOCK_REALTIME)
    static let monotonic = HostClock(rawValue: CLOCK_MONOTONIC)

    /// clock_gettime(2): the clock's time in nanoseconds; EINVAL for a clock the host does not have.
    func now() -> HostResult<UInt64> {
        var time = timespec()
        guard clock_gettime(rawValue, &time) == 0 else { return .failure(Host.lastError) }
        return .success(UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec))
    }

    /// clock_nanosleep(2) for `seconds` and `nanoseconds` (below 10^9) on this clock, sleeping
    /// the time left again after a host signal; EINVAL for a clock the host cannot sleep on.
    func sleep(seconds: Int64, nanoseconds: Int64) -> HostResult<Void> {
        sleep(timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds)), flags: 0)
    }

    /// clock_nanosleep(2) with TIMER_ABSTIME: sleeps until this clock reads `seconds` and
    /// `nanoseconds` (below 10^9), again after a host signal; EINVAL as `sleep(seconds:nanoseconds:)`.
    func sleep(untilSeconds seconds: Int64, nanoseconds: Int64) -> HostResult<Void> {
        sleep(timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds)), flags: TIMER_ABSTIME)
    }

    private func sleep(_ request: timespec, flags: Int32) -> HostResult<Void> {
        var request = request
        var remaining = timespec()
        while true {
            let error = clock_nanosleep(rawValue, flags, &request, &remaining)
            if error == 0 { return .success(()) }
            guard error == EINTR else { return .failure(Errno(rawValue: Int64(error)) ?? .EIO) }
            if flags & TIMER_ABSTIME == 0 { request = remaining }
        }
    }
}

extension Host {
    /// CLOCK_MONOTONIC in nanoseconds: the clock of every deadline of the kernel (timed waits,
    /// timers, the scheduler's host waits).
    static func monotonicNow() -> UInt64 { HostClock.monotonic.nanosecondsOfAlwaysReadableClock }

    /// CLOCK_REALTIME in nanoseconds since the epoch.
    static func realtimeNow() -> UInt64 { HostClock.realtime.nanosecondsOfAlwaysReadableClock }
}

private extension HostClock {
    /// The time of a clock every Linux host has, which clock_gettime cannot fail to read.
    var nanosecondsOfAlwaysReadableClock: UInt64 {
        switch now() {
        case .success(let nanoseconds): return nanoseconds
        case .failure(let error): preconditionFailure("clock_gettime(\(rawValue)) failed: \(error.message)")
        }
    }
}
