/// The stub's one boundary to the host's libc: `SocketListener` listens on 127.0.0.1:PORT or a
/// Unix socket path and accepts one client, whose stream is a `SocketConnection`.
import Glibc

/// The stream to the one client of a `SocketListener`.
public final class SocketConnection: DebugConnection {
    private var descriptor: Int32

    /// A stream over the connected socket `descriptor` (-1: a stream that has already ended).
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Up to 4096 bytes, waiting for them; empty at the end of the stream or on an error.
    public func receive() -> [UInt8] {
        guard descriptor >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var count: Int
        repeat { count = recv(descriptor, &buffer, buffer.count, 0) } while count < 0 && errno == EINTR
        return count > 0 ? Array(buffer[..<count]) : []
    }

    /// Whether `receive` would not wait (a poll with no timeout).
    public func hasInput() -> Bool {
        guard descriptor >= 0 else { return true }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Sends every byte (no SIGPIPE when the client is gone: false instead).
    public func send(_ bytes: [UInt8]) -> Bool {
        guard descriptor >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}

/// A socket listening on 127.0.0.1:PORT or a Unix socket path, for one client.
public final class SocketListener {
    /// Where to listen: `--gdb PORT` or `--gdb unix:PATH`.
    public enum Address: Equatable, Sendable {
        case tcp(port: UInt16)
        case unix(path: String)

        /// `PORT` (0 picks a free one) or `unix:PATH`; nil for anything else.
        public init?(_ text: String) {
            if text.hasPrefix("unix:") {
                let path = String(text.dropFirst(5))
                guard !path.isEmpty, path.utf8.count < 108 else { return nil }
                self = .unix(path: path)
            } else {
                guard let port = UInt16(text) else { return nil }
                self = .tcp(port: port)
            }
        }
    }

    /// Why listening or accepting failed: the call and its errno text.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var descriptor: Int32
    private let unixPath: String?
    /// What a client connects to: `127.0.0.1:PORT` (the port chosen, for port 0) or the socket's path.
    public let shownAddress: String

    /// Binds and listens on `address`. Throws `Failure` when the host refuses (port in use, bad path).
    public init(_ address: Address) throws {
        let fd: Int32
        switch address {
        case .tcp(let port):
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw SocketListener.failure("socket") }
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = port.bigEndian
            sin.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            let bound = withUnsafePointer(to: &sin) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw SocketListener.failure("bind 127.0.0.1:\(port)", closing: fd) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &sin) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            shownAddress = "127.0.0.1:\(UInt16(bigEndian: sin.sin_port))"
            unixPath = nil
        case .unix(let path):
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw SocketListener.failure("socket") }
            var sun = sockaddr_un()
            sun.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &sun.sun_path) { raw in
                for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
            }
            let bound = withUnsafePointer(to: &sun) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard bound == 0 else { throw SocketListener.failure("bind \(path)", closing: fd) }
            shownAddress = path
            unixPath = path
        }
        guard listen(fd, 1) == 0 else { throw SocketListener.failure("listen", closing: fd) }
        descriptor = fd
    }

    /// Waits for one client, then stops listening (removing a Unix socket's path). A failed
    /// accept gives a stream that has already ended.
    public func accept() -> SocketConnection {
        var client: Int32
        repeat { client = Glibc.accept(descriptor, nil, nil) } while client < 0 && errno == EINTR
        close()
        guard client >= 0 else { return SocketConnection(descriptor: -1) }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        var yes: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        return SocketConnection(descriptor: client)
    }

    /// Stops listening.
    public func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        if let unixPath { unlink(unixPath) }
    }

    deinit { close() }

    private static func failure(_ call: String, closing descriptor: Int32 = -1) -> Failure {
        let text = String(cString: strerror(errno))
        if descriptor >= 0 { Glibc.close(descriptor) }
        return Failure(description: "\(call): \(text)")
    }
}
