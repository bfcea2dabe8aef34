import CHostSys
import Glibc

/// poll(2)'s event bits; the guest's `struct pollfd` uses the same numbers as the host (Linux's).
struct PollEvents: OptionSet, Hashable, Sendable {
    let rawValue: Int16
    init(rawValue: Int16) { self.rawValue = rawValue }

    static let input = PollEvents(rawValue: Int16(POLLIN))
    static let priority = PollEvents(rawValue: Int16(POLLPRI))
    static let output = PollEvents(rawValue: Int16(POLLOUT))
    static let error = PollEvents(rawValue: Int16(POLLERR))
    static let hangUp = PollEvents(rawValue: Int16(POLLHUP))
    /// The descriptor is not open.
    static let invalid = PollEvents(rawValue: Int16(POLLNVAL))
}

/// One descriptor a host poll watches: the events asked for, and those it found.
struct HostPollRecord: Equatable, Sendable {
    /// nil: a slot that is skipped (fd -1), which keeps positions equal to the guest's array.
    var descriptor: HostDescriptor?
    var events: PollEvents
    var returned: PollEvents = []
}

extension Host {
    /// poll(2) of `records` without waiting: fills each `returned`, and returns how many have one.
    static func pollNow(_ records: inout [HostPollRecord]) -> HostResult<Int> {
        poll(&records, timeoutNanoseconds: 0)
    }

    /// ppoll(2) of `records` until one is ready or `timeoutNanoseconds` pass (negative: no
    /// timeout): fills each `returned`, and returns how many have one (0 for the timeout).
    @discardableResult
    static func waitForEvents(_ records: inout [HostPollRecord], timeoutNanoseconds: Int64) -> HostResult<Int> {
        poll(&records, timeoutNanoseconds: timeoutNanoseconds)
    }

    private static func poll(_ records: inout [HostPollRecord], timeoutNanoseconds: Int64) -> HostResult<Int> {
        var raw = records.map { pollfd(fd: $0.descriptor?.rawValue ?? -1, events: $0.events.rawValue, revents: 0) }
        let count = UInt(raw.count)
        var n: Int32
        repeat {
            n = raw.withUnsafeMutableBytes { tinyrv_wait_for_events($0.baseAddress, count, timeoutNanoseconds) }
        } while n == -EINTR
        guard n >= 0 else { return .failure(Errno(rawValue: Int64(-n)) ?? .EIO) }
        for index in records.indices { records[index].returned = PollEvents(rawValue: raw[index].revents) }
        return .success(Int(n))
    }
}
