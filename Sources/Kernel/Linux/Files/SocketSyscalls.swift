/// Unix-domain socket pairs (socketpair) and the socket calls on them: sendto, recvfrom,
/// sendmsg, recvmsg, shutdown, get/setsockopt, getsockname and getpeername. A socket pair is a
/// two-way pipe: each end is a host socket kept O_NONBLOCK on the host, held in the file table as
/// a `PipeEnd` (the guest's own O_NONBLOCK), so a call that would block blocks only its task,
/// and read, write, poll, fork and close-on-exec treat it as they treat a pipe. tinyrv has no
/// network and no named sockets: socket(2) fails with EAFNOSUPPORT; descriptors are not passed
/// (a control message to send is EOPNOTSUPP).
enum SocketSyscalls {
    static let unixDomain: UInt64 = 1
    /// Families Linux has but cannot make pairs of: AF_INET, AF_INET6, AF_NETLINK, AF_PACKET.
    static let familiesWithoutPairs: Set<UInt64> = [2, 10, 16, 17]
    static let streamType: UInt64 = 1, datagramType: UInt64 = 2, rawType: UInt64 = 3, sequencedPacketType: UInt64 = 5
    /// SOCK_MAX: types from here on are out of range.
    static let typeLimit: UInt64 = 11
    static let typeMask: UInt64 = 0xf
    /// MSG_DONTWAIT and MSG_NOSIGNAL.
    static let dontWait: UInt64 = 0x40, noSignal: UInt64 = 0x4000
    /// The MSG_* flags passed on to the host: OOB, PEEK, DONTROUTE, TRUNC, DONTWAIT, EOR, WAITALL,
    /// NOSIGNAL, MORE, CMSG_CLOEXEC.
    static let passedFlags: UInt64 = 0x1 | 0x2 | 0x4 | 0x20 | 0x40 | 0x80 | 0x100 | 0x4000 | 0x8000 | 0x4000_0000
    /// The most bytes one send or receive moves (more than a socket's buffer holds).
    static let transferLimit = 1 << 20

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(198, "socket", [.decimal, .hex, .decimal]) { _, _ in .error(.EAFNOSUPPORT) },
        SyscallDefinition(199, "socketpair", [.decimal, .hex, .decimal, .hex], socketpair),
        SyscallDefinition(206, "sendto", [.decimal, .buffer(lengthArgument: 2), .decimal, .hex, .hex, .decimal], sendto),
        SyscallDefinition(207, "recvfrom", [.decimal, .resultBuffer, .decimal, .hex, .hex, .hex], recvfrom),
        SyscallDefinition(211, "sendmsg", [.decimal, .hex, .hex], sendmsg),
        SyscallDefinition(212, "recvmsg", [.decimal, .hex, .hex], recvmsg),
        SyscallDefinition(210, "shutdown", [.decimal, .decimal]) { process, a throws(SyscallFailure) in
            let fd = try process.openEntry(a[0]).hostDescriptor
            guard a[1] <= 2 else { return .error(.EINVAL) }
            return SyscallResult(fd.shutdown(Int32(a[1])), value: 0)
        },
        SyscallDefinition(209, "getsockopt", [.decimal, .decimal, .decimal, .hex, .hex], getsockopt),
        SyscallDefinition(208, "setsockopt", [.decimal, .decimal, .decimal, .hex, .decimal], setsockopt),
        SyscallDefinition(204, "getsockname", [.decimal, .hex, .hex]) { process, a throws(SyscallFailure) in
            try socketAddress(process, a, peer: false)
        },
        SyscallDefinition(205, "getpeername", [.decimal, .hex, .hex]) { process, a throws(SyscallFailure) in
            try socketAddress(process, a, peer: true)
        },
    ]

    /// socketpair(domain, type, protocol, sv): two connected AF_UNIX sockets of SOCK_STREAM,
    /// SOCK_DGRAM (also for SOCK_RAW, as Linux) or SOCK_SEQPACKET, with SOCK_NONBLOCK and
    /// SOCK_CLOEXEC. `-EOPNOTSUPP` for AF_INET and the other families without pairs,
    /// `-EAFNOSUPPORT` for an unknown one, `-EINVAL` for a type past SOCK_MAX or another flag,
    /// `-ESOCKTNOSUPPORT` for another type, `-EPROTONOSUPPORT` for a protocol, `-EFAULT` for a
    /// bad `sv`, `-EMFILE` when the table is full.
    static func socketpair(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[0] == unixDomain else { return .error(familiesWithoutPairs.contains(a[0]) ? .EOPNOTSUPP : .EAFNOSUPPORT) }
        let requested = a[1] & typeMask
        guard requested < typeLimit, a[1] & ~(typeMask | OpenFlags.nonBlocking | OpenFlags.closeOnExec) == 0 else { return .error(.EINVAL) }
        guard [streamType, datagramType, rawType, sequencedPacketType].contains(requested) else { return .error(.ESOCKTNOSUPPORT) }
        let type = requested == rawType ? datagramType : requested
        guard a[2] == 0 else { return .error(.EPROTONOSUPPORT) }
        guard process.isAccessible(a[3], count: 8, for: .store) else { return .error(.EFAULT) }
        let (first, second) = try Host.makeSocketPair(type: Int32(type)).orFail()
        return try PipeSyscalls.installPair(process, first, second, flags: a[1], at: a[3])
    }

    /// sendto(fd, buf, len, flags, dest, addrlen): sends on a connected socket (a destination is
    /// `-EISCONN`). Blocks while the peer's buffer is full, unless MSG_DONTWAIT or O_NONBLOCK
    /// (`-EAGAIN`); `-EPIPE` and SIGPIPE (unless MSG_NOSIGNAL) once the peer is gone.
    static func sendto(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        guard a[4] == 0 else { return .error(.EISCONN) }
        let bytes = try process.copyInArgument(from: a[1], count: Int(min(a[2], UInt64(transferLimit))))
        return try send(process, entry, bytes, flags: a[3])
    }

    /// recvfrom(fd, buf, len, flags, src, addrlen): receives up to 1 MiB; a socket pair's peer
    /// has no address, so `*addrlen` becomes 0. Blocks while nothing is there, unless
    /// MSG_DONTWAIT or O_NONBLOCK (`-EAGAIN`); 0 once the peer has shut down or closed.
    static func recvfrom(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        let count = Int(min(a[2], UInt64(transferLimit)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        let bytes = try receive(process, entry, count: count, flags: a[3])
        try process.copyOutArgument(Array(bytes.data.prefix(count)), to: a[1])
        if a[4] != 0, a[5] != 0 { try process.copyOutArgument(GuestBytes.word32(0), to: a[5]) }
        return .value(Int64(bytes.length))
    }

    /// sendmsg(fd, msg, flags): sends the iovecs of `struct msghdr` as one message. `-EISCONN`
    /// for a destination, `-EOPNOTSUPP` for control messages (no descriptor passing).
    static func sendmsg(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        let header = try MessageHeader(process, at: a[1])
        guard header.name == 0 || header.nameLength == 0 else { return .error(.EISCONN) }
        guard header.controlLength == 0 else { return .error(.EOPNOTSUPP) }
        let pieces = try IOSyscalls.ioVectors(process, at: header.vector, count: header.vectorCount, access: .load).get()
        var bytes: [UInt8] = []
        for (base, length) in pieces where bytes.count < transferLimit {
            bytes += try process.copyInArgument(from: base, count: min(length, transferLimit - bytes.count))
        }
        return try send(process, entry, bytes, flags: a[2])
    }

    /// recvmsg(fd, msg, flags): receives one message into the iovecs of `struct msghdr`; no
    /// address and no control messages come back (their lengths become 0), nor any msg_flags.
    static func recvmsg(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        let header = try MessageHeader(process, at: a[1])
        let pieces = try IOSyscalls.ioVectors(process, at: header.vector, count: header.vectorCount, access: .store).get()
        let capacity = min(pieces.reduce(0) { $0 + $1.1 }, transferLimit)
        let bytes = try receive(process, entry, count: capacity, flags: a[2])
        var offset = 0
        for (base, length) in pieces where offset < bytes.data.count {
            let piece = Array(bytes.data[offset..<min(bytes.data.count, offset + length)])
            try process.copyOutArgument(piece, to: base)
            offset += piece.count
        }
        try header.clearReturnedFields(process, at: a[1])
        return .value(Int64(bytes.length))
    }

    /// getsockopt(fd, level, name, value, length): the host's option, at most 256 bytes.
    static func getsockopt(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.openEntry(a[0]).hostDescriptor
        let given = Int(min(GuestBytes.word32(try process.copyInArgument(from: a[4], count: 4), at: 0), 256))
        var value = [UInt8](repeating: 0, count: given)
        let length = try value.withUnsafeMutableBytes { fd.socketOption(level: Int32(truncatingIfNeeded: a[1]), name: Int32(truncatingIfNeeded: a[2]), into: $0) }.orFail()
        try process.copyOutArgument(Array(value.prefix(length)), to: a[3])
        try process.copyOutArgument(GuestBytes.word32(UInt32(length)), to: a[4])
        return .value(0)
    }

    /// setsockopt(fd, level, name, value, length): sets the host's option (at most 256 bytes).
    static func setsockopt(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.openEntry(a[0]).hostDescriptor
        guard a[4] <= 256 else { return .error(.EINVAL) }
        let value = try process.copyInArgument(from: a[3], count: Int(a[4]))
        return SyscallResult(value.withUnsafeBytes { fd.setSocketOption(level: Int32(truncatingIfNeeded: a[1]), name: Int32(truncatingIfNeeded: a[2]), to: $0) }, value: 0)
    }

    /// getsockname/getpeername(fd, addr, addrlen): the host's address (a socket pair's is its
    /// family alone), cut to `*addrlen`, which becomes the full length.
    static func socketAddress(_ process: Process, _ a: [UInt64], peer: Bool) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.openEntry(a[0]).hostDescriptor
        let given = Int(min(GuestBytes.word32(try process.copyInArgument(from: a[2], count: 4), at: 0), 128))
        var address = [UInt8](repeating: 0, count: 128)
        let length = try address.withUnsafeMutableBytes { fd.socketAddress(peer: peer, into: $0) }.orFail()
        try process.copyOutArgument(Array(address.prefix(min(given, length))), to: a[1])
        try process.copyOutArgument(GuestBytes.word32(UInt32(length)), to: a[2])
        return .value(0)
    }

    /// Sends `bytes` on `entry` with the guest's MSG_* `flags`, blocking as `sendto` says. The
    /// send is tried first: poll(2) calls a Unix socket writable only while under a quarter of its
    /// buffer is used, but a send goes ahead until the buffer is full.
    private static func send(_ process: Process, _ entry: FileTable.Entry, _ bytes: [UInt8], flags: UInt64) throws(SyscallFailure) -> SyscallResult {
        process.traceSink.flush()
        let sent = bytes.withUnsafeBytes { entry.hostDescriptor.send($0, flags: Int32(flags & passedFlags) | Int32(dontWait)) }
        if case .failure(.EAGAIN) = sent, flags & dontWait == 0, let wait = process.waitUntilReady(entry, events: .output) { return wait }
        if case .failure(.EPIPE) = sent, flags & noSignal == 0 { return Signal.brokenPipe(process, written: 0) }
        return SyscallResult(sent)
    }

    /// Receives up to `count` bytes from `entry` with the guest's MSG_* `flags`: the bytes and the
    /// length the host reported (more than `count` with MSG_TRUNC). A receive that must wait
    /// throws the block (or `-EAGAIN`), as `recvfrom` says.
    private static func receive(_ process: Process, _ entry: FileTable.Entry, count: Int,
                                flags: UInt64) throws(SyscallFailure) -> (data: [UInt8], length: Int) {
        if flags & dontWait == 0, let wait = process.waitUntilReady(entry, events: .input) { throw SyscallFailure(wait) }
        var buffer = [UInt8](repeating: 0, count: max(count, 1))
        let received = buffer.withUnsafeMutableBytes {
            entry.hostDescriptor.receive(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]), flags: Int32(flags & passedFlags) | Int32(dontWait))
        }
        let length = try received.orFail()
        return (Array(buffer.prefix(min(length, count))), length)
    }
}

/// The fields of the guest's `struct msghdr` (56 bytes on riscv64) that tinyrv uses.
struct MessageHeader {
    let name: UInt64, nameLength: UInt64, vector: UInt64, vectorCount: UInt64, controlLength: UInt64

    /// Reads the header at `address`; `-EFAULT` for a bad pointer.
    init(_ process: Process, at address: UInt64) throws(SyscallFailure) {
        let bytes = try process.copyInArgument(from: address, count: 56)
        name = GuestBytes.word(bytes, at: 0)
        nameLength = GuestBytes.word(bytes, at: 8) & 0xffff_ffff
        vector = GuestBytes.word(bytes, at: 16)
        vectorCount = GuestBytes.word(bytes, at: 24)
        controlLength = GuestBytes.word(bytes, at: 40)
    }

    /// Zeroes msg_namelen, msg_controllen and msg_flags, as a receive that returns none of them.
    func clearReturnedFields(_ process: Process, at address: UInt64) throws(SyscallFailure) {
        try process.copyOutArgument([0, 0, 0, 0], to: address + 8)
        try process.copyOutArgument([UInt8](repeating: 0, count: 8), to: address + 40)
        try process.copyOutArgument([0, 0, 0, 0], to: address + 48)
    }
}
