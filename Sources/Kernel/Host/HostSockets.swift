import Glibc

/// The host's Unix-domain socket pairs and the calls on any socket descriptor. The guest's
/// socket numbers (AF_UNIX, SOCK_*, MSG_*, SOL_SOCKET and SO_*) are Linux's generic ones, the
/// same on the host, so they pass through as they are.
extension Host {
    /// socketpair(2) of AF_UNIX sockets of `type` (SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET),
    /// both non-blocking and close-on-exec on the host.
    static func makeSocketPair(type: Int32) -> HostResult<(HostDescriptor, HostDescriptor)> {
        var ends: [Int32] = [-1, -1]
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        return retryingInterrupts { socketpair(AF_UNIX, type | flags, 0, &ends) }
            .map { _ in (HostDescriptor(rawValue: ends[0]), HostDescriptor(rawValue: ends[1])) }
    }
}

extension HostDescriptor {
    /// send(2) of `buffer` with MSG_* `flags` (MSG_NOSIGNAL is added): the count sent.
    func send(_ buffer: UnsafeRawBufferPointer, flags: Int32) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.send(rawValue, buffer.baseAddress, buffer.count, flags | Int32(MSG_NOSIGNAL)) }
    }

    /// recv(2) into `buffer` with MSG_* `flags`: the count received (0 at the end of a stream).
    func receive(into buffer: UnsafeMutableRawBufferPointer, flags: Int32) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.recv(rawValue, buffer.baseAddress, buffer.count, flags) }
    }

    /// shutdown(2) of one or both directions (SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2).
    func shutdown(_ how: Int32) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.shutdown(rawValue, how) }
    }

    /// getsockopt(2) of option `name` at `level` into `value`: the option's length.
    func socketOption(level: Int32, name: Int32, into value: UnsafeMutableRawBufferPointer) -> HostResult<Int> {
        var length = socklen_t(value.count)
        return Host.retryingInterrupts { getsockopt(rawValue, level, name, value.baseAddress, &length) }.map { _ in Int(length) }
    }

    /// setsockopt(2) of option `name` at `level` to `value`.
    func setSocketOption(level: Int32, name: Int32, to value: UnsafeRawBufferPointer) -> HostResult<Void> {
        Host.retryingInterrupts { setsockopt(rawValue, level, name, value.baseAddress, socklen_t(value.count)) }
    }

    /// getsockname(2) (or getpeername(2) when `peer`) into `address`: the address's full length.
    func socketAddress(peer: Bool, into address: UnsafeMutableRawBufferPointer) -> HostResult<Int> {
        var length = socklen_t(address.count)
        let pointer = address.baseAddress?.assumingMemoryBound(to: sockaddr.self)
        return Host.retryingInterrupts {
            peer ? getpeername(rawValue, pointer, &length) : getsockname(rawValue, pointer, &length)
        }.map { _ in Int(length) }
    }
}
