import CHostSys

/// The host's event counters (eventfd) and timer descriptors (timerfd), whose flags and
/// `struct itimerspec` (four 64-bit words) are Linux's on both sides.
extension Host {
    /// eventfd(2) with counter `initial` and EFD_* `flags` (EFD_CLOEXEC is added).
    static func makeEventCounter(initial: UInt32, flags: Int32) -> HostResult<HostDescriptor> {
        retryingShim { tinyrv_eventfd(initial, flags | HostOpenFlags.closeOnExec.rawValue) }.map(HostDescriptor.init(rawValue:))
    }

    /// timerfd_create(2) on `clock` with TFD_* `flags` (TFD_CLOEXEC is added).
    static func makeTimer(clock: Int32, flags: Int32) -> HostResult<HostDescriptor> {
        retryingShim { tinyrv_timerfd_create(clock, flags | HostOpenFlags.closeOnExec.rawValue) }.map(HostDescriptor.init(rawValue:))
    }
}

extension HostDescriptor {
    /// timerfd_settime(2) with `value` (interval s, ns, value s, ns): the previous setting.
    func setTimer(_ value: [Int64], flags: Int32) -> HostResult<[Int64]> {
        var previous = [Int64](repeating: 0, count: 4)
        return Host.retryingShim { tinyrv_timerfd_settime(rawValue, flags, value, &previous) }.map { previous }
    }

    /// timerfd_gettime(2): the interval and the time left (s, ns, s, ns).
    func timerSetting() -> HostResult<[Int64]> {
        var value = [Int64](repeating: 0, count: 4)
        return Host.retryingShim { tinyrv_timerfd_gettime(rawValue, &value) }.map { value }
    }
}
