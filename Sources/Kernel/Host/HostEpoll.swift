import CHostSys

/// One event of an epoll instance: the EPOLL* bits and the caller's 64-bit data.
struct HostEpollEvent: Equatable, Sendable {
    let events: UInt32
    let data: UInt64
}

/// The host's epoll(7) instances, which the guest's epoll calls are made on (the EPOLL* bits and
/// operations are Linux's on both sides; the host's packed `struct epoll_event` stays in the shim).
extension Host {
    /// epoll_create1(2) with EPOLL_CLOEXEC.
    static func makeEpoll() -> HostResult<HostDescriptor> {
        retryingShim { tinyrv_epoll_create() }.map(HostDescriptor.init(rawValue:))
    }
}

extension HostDescriptor {
    /// epoll_ctl(2) on this epoll instance: `operation` (EPOLL_CTL_ADD 1, DEL 2, MOD 3) of `target`
    /// with `event`.
    func controlEpoll(_ operation: Int32, target: HostDescriptor, event: HostEpollEvent) -> HostResult<Void> {
        Host.retryingShim { tinyrv_epoll_ctl(rawValue, operation, target.rawValue, event.events, event.data) }
    }

    /// epoll_wait(2) on this epoll instance without waiting: up to `limit` ready events.
    func readyEpollEvents(limit: Int) -> HostResult<[HostEpollEvent]> {
        var words = [UInt64](repeating: 0, count: 2 * limit)
        return Host.retryingShim { tinyrv_epoll_ready(rawValue, &words, Int32(limit)) }
            .map { count in (0..<Int(count)).map { HostEpollEvent(events: UInt32(words[2 * $0]), data: words[2 * $0 + 1]) } }
    }
}
