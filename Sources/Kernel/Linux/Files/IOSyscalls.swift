/// read, readv, write and writev on the process's file descriptors; a call that would block
/// blocks only its task (`Process.waitUntilReady`).
enum IOSyscalls {
    /// The most bytes moved through one host call, and the most one `read` of anything but a
    /// regular file moves (a longer request returns a short count, as a pipe may).
    static let readChunk = 1 << 16
    /// The most bytes one read or write moves (Linux's MAX_RW_COUNT: INT_MAX rounded down to a page).
    static let maxTransfer = 0x7fff_f000
    /// The most iovecs `writev` takes (Linux's IOV_MAX).
    static let maxIOVectors: UInt64 = 1024

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(63, "read", [.decimal, .resultBuffer, .decimal], read),
        SyscallDefinition(64, "write", [.decimal, .buffer(lengthArgument: 2), .decimal], write),
        SyscallDefinition(66, "writev", [.decimal, .hex, .decimal], writev),
        SyscallDefinition(65, "readv", [.decimal, .hex, .decimal], readv),
        SyscallDefinition(69, "preadv", [.decimal, .hex, .decimal, .decimal, .decimal]) { process, a throws(SyscallFailure) in
            try positionedVector(process, [a[0], a[1], a[2], a[3], 0], write: false)
        },
        SyscallDefinition(70, "pwritev", [.decimal, .hex, .decimal, .decimal, .decimal]) { process, a throws(SyscallFailure) in
            try positionedVector(process, [a[0], a[1], a[2], a[3], 0], write: true)
        },
        SyscallDefinition(286, "preadv2", [.decimal, .hex, .decimal, .decimal, .decimal, .hex]) { process, a throws(SyscallFailure) in
            try positionedVector(process, [a[0], a[1], a[2], a[3], a[5]], write: false)
        },
        SyscallDefinition(287, "pwritev2", [.decimal, .hex, .decimal, .decimal, .decimal, .hex]) { process, a throws(SyscallFailure) in
            try positionedVector(process, [a[0], a[1], a[2], a[3], a[5]], write: true)
        },
    ]
    /// preadv2/pwritev2 flags tinyrv accepts: RWF_HIPRI, RWF_DSYNC, RWF_SYNC, RWF_NOWAIT (host
    /// files never make tinyrv wait) and RWF_APPEND.
    static let knownPositionFlags: UInt64 = 0x1f, appendFlag: UInt64 = 0x10

    /// read(fd, buf, count): reads from the host descriptor into user memory; pages of `buf` are
    /// faulted in as they are filled. A regular file gives the whole count up to its end, anything
    /// else at most `readChunk` bytes. `-EFAULT` (before reading anything) when the buffer is not
    /// writable user memory, `-EBADF` for a descriptor that is not open.
    static func read(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let entry = process.files[Process.descriptor(a[0])] else { return .error(.EBADF) }
        var count = Int(min(a[2], UInt64(maxTransfer)))
        if count > readChunk, entry.hostDescriptor.status().map(\.type) != .success(.regular) { count = readChunk }
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        if count > 0, let wait = process.waitUntilReady(entry, events: .input) { return wait }
        return readIn(process, from: entry.hostDescriptor, pieces: [(a[1], count)])
    }

    /// readv(fd, iov, iovcnt): like `read` into each `{base, length}` in turn, stopping at a short
    /// read. `-EINVAL` for a bad count, `-EFAULT` when the vector or any buffer is bad.
    static func readv(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let entry = process.files[Process.descriptor(a[0])] else { return .error(.EBADF) }
        switch ioVectors(process, at: a[1], count: a[2], access: .store) {
        case .success(let pieces):
            if let wait = process.waitUntilReady(entry, events: .input) { return wait }
            return readIn(process, from: entry.hostDescriptor, pieces: pieces)
        case .failure(let failure): return failure.result
        }
    }

    /// preadv/pwritev(2) (`a`: fd, iov, iovcnt, offset, flags): readv or writev at a file offset,
    /// leaving the descriptor's offset alone; offset -1 with preadv2/pwritev2 means the descriptor's
    /// offset, as readv and writev. riscv64 passes the whole offset in its low half (pos_l).
    /// `-EINVAL` for another negative offset, `-EOPNOTSUPP` for unknown flags, `-ESPIPE` for a
    /// pipe or an inherited stream, `-EFAULT` and `-EINVAL` for the vector as readv.
    private static func positionedVector(_ process: Process, _ a: [UInt64], write: Bool) throws(SyscallFailure) -> SyscallResult {
        guard a[4] & ~knownPositionFlags == 0 else { return .error(.EOPNOTSUPP) }
        let position = Int64(bitPattern: a[3])
        if position == -1 { return write ? try writev(process, a) : try readv(process, a) }
        guard position >= 0 else { return .error(.EINVAL) }
        let file = write ? try process.fileChangingDescriptor(a[0], inherited: .ESPIPE) : try process.openEntry(a[0]).hostDescriptor
        let pieces = try ioVectors(process, at: a[1], count: a[2], access: write ? .load : .store).get()
        guard write else { return readIn(process, from: file, pieces: pieces, at: position) }
        let end = a[4] & appendFlag != 0 ? try file.status().orFail().size : position
        return process.signalBrokenPipe(writeOut(process, to: file, pieces: pieces, at: end))
    }

    /// Reads into each piece, `readChunk` bytes at a time, until a short read; returns the total.
    /// With `position`, reads the file from there (pread) instead of at the descriptor's offset.
    private static func readIn(_ process: Process, from file: HostDescriptor, pieces: [(UInt64, Int)],
                               at position: Int64? = nil) -> SyscallResult {
        process.traceSink.flush()
        let cached = process.cachedFile(behind: file)
        var total: Int64 = 0
        for (base, length) in pieces {
            var offset = 0
            while offset < length {
                let want = min(length - offset, readChunk)
                var buffer = [UInt8](repeating: 0, count: want)
                let read = buffer.withUnsafeMutableBytes { into in
                    position.map { file.read(into: into, at: $0 &+ total) } ?? file.read(into: into)
                }
                guard case .success(let n) = read else { return total > 0 ? .value(total) : SyscallResult(read) }
                let bytes = process.readThroughCache(Array(buffer[..<n]), from: cached, host: file, at: position.map { $0 &+ total })
                if n > 0, case .failure(let error) = process.copyOut(bytes, to: base + UInt64(offset)) {
                    return total > 0 ? .value(total) : failure(error)
                }
                total += Int64(n)
                offset += n
                if n < want { return .value(total) }
            }
        }
        return .value(total)
    }

    /// write(fd, buf, count): copies the buffer in and writes it to the host descriptor at once.
    /// `-EFAULT` (writing nothing) when any byte is not readable user memory.
    static func write(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let entry = process.files[Process.descriptor(a[0])] else { return .error(.EBADF) }
        guard a[2] <= UInt64(Int32.max) else { return .error(.EFAULT) }
        guard process.isAccessible(a[1], count: a[2], for: .load) else { return .error(.EFAULT) }
        guard a[2] > 0 else { return .value(0) }
        return writeOut(process, to: entry, pieces: [(a[1], Int(a[2]))])
    }

    /// writev(fd, iov, iovcnt): like `write` of every `{base, length}` in turn. `-EINVAL` for a
    /// negative or too large count, `-EFAULT` when the vector or any buffer is bad.
    static func writev(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let entry = process.files[Process.descriptor(a[0])] else { return .error(.EBADF) }
        switch ioVectors(process, at: a[1], count: a[2], access: .load) {
        case .success(let pieces): return writeOut(process, to: entry, pieces: pieces)
        case .failure(let failure): return failure.result
        }
    }

    /// Writes `pieces` to a descriptor as write(2) does once it may go ahead: a blocking pipe takes
    /// the whole count, its task blocking for room (also when the host finds none after poll
    /// promised some) as often as it must and going on where it stopped (Linux's pipe_write;
    /// `Task.pipeWritten` keeps the count across the re-executions); anything else is written in
    /// one go that may be short.
    private static func writeOut(_ process: Process, to entry: FileTable.Entry, pieces: [(UInt64, Int)]) -> SyscallResult {
        if let wait = process.waitUntilReady(entry, events: .output) { return wait }
        guard case .pipe(let pipe, let end) = entry, !end.nonBlocking, let task = process.scheduler?.current else {
            return process.signalBrokenPipe(writeOut(process, to: entry.hostDescriptor, pieces: pieces))
        }
        let done = task.pipeWritten
        let result = process.signalBrokenPipe(writeOut(process, to: pipe, pieces: remaining(pieces, after: done)))
        if result == .error(.EAGAIN) { return .block(.descriptor(pipe, events: .output)) }
        guard case .value(let wrote) = result, wrote >= 0 else { return done > 0 ? .value(done) : result }
        let total = pieces.reduce(0) { $0 + Int64($1.1) }
        guard done + wrote < total else { return .value(total) }
        task.pipeWritten = done + wrote
        return .block(.descriptor(pipe, events: .output))
    }

    /// The pieces of an iovec list that follow its first `skipped` bytes.
    static func remaining(_ pieces: [(UInt64, Int)], after skipped: Int64) -> [(UInt64, Int)] {
        var skip = skipped
        return pieces.compactMap { base, length in
            let dropped = Int(min(skip, Int64(length)))
            skip -= Int64(dropped)
            return dropped == length ? nil : (base + UInt64(dropped), length - dropped)
        }
    }

    /// The `{base, length}` pairs of an iovec array, each buffer checked for `access`. Fails with
    /// the syscall's result: `-EINVAL` for a count over IOV_MAX or a total over 2 GiB, `-EFAULT`.
    static func ioVectors(_ process: Process, at address: UInt64, count: UInt64,
                                  access: MemoryAccess) -> Result<[(UInt64, Int)], SyscallFailure> {
        guard count <= maxIOVectors else { return .failure(SyscallFailure(.error(.EINVAL))) }
        let vector: [UInt8]
        switch process.copyIn(from: address, count: Int(count) * 16) {
        case .success(let bytes): vector = bytes
        case .failure(let error): return .failure(SyscallFailure(failure(error)))
        }
        var pieces: [(UInt64, Int)] = []
        var total: UInt64 = 0
        for i in 0..<Int(count) {
            let base = GuestBytes.word(vector, at: i * 16)
            let length = GuestBytes.word(vector, at: i * 16 + 8)
            total &+= length
            guard length <= UInt64(Int32.max), total <= UInt64(Int32.max) else { return .failure(SyscallFailure(.error(.EINVAL))) }
            guard process.isAccessible(base, count: length, for: access) else { return .failure(SyscallFailure(.error(.EFAULT))) }
            pieces.append((base, Int(length)))
        }
        return .success(pieces)
    }

    /// Copies in and writes each piece, 64 KiB at a time; returns the bytes written. With
    /// `position`, writes the file from there (pwrite) instead of at the descriptor's offset.
    private static func writeOut(_ process: Process, to file: HostDescriptor, pieces: [(UInt64, Int)],
                                 at position: Int64? = nil) -> SyscallResult {
        process.traceSink.flush()
        let cached = process.cachedFile(behind: file)
        var written: Int64 = 0
        for (base, length) in pieces {
            var offset = 0
            while offset < length {
                let chunk = min(length - offset, readChunk)
                let bytes: [UInt8]
                switch process.copyIn(from: base + UInt64(offset), count: chunk) {
                case .success(let read): bytes = read
                case .failure(let error): return written > 0 ? .value(written) : failure(error)
                }
                let wrote = file.writeAll(bytes, at: position.map { $0 &+ written })
                if case .failure(.EPIPE) = wrote { return Signal.brokenPipe(process, written: written) }
                guard case .success(let n) = wrote else { return written > 0 ? .value(written) : SyscallResult(wrote) }
                process.writeThroughCache(bytes[..<n], to: cached, host: file, at: position.map { $0 &+ written })
                written += Int64(n)
                if n < chunk { return .value(written) }
                offset += chunk
            }
        }
        return .value(written)
    }

    /// `value` after a successful copy, else the copy's error as a result.
    static func complete(_ copy: Result<Void, UserCopyError>, value: Int64) -> SyscallResult {
        switch copy {
        case .success: return .value(value)
        case .failure(let error): return failure(error)
        }
    }

    /// `-EFAULT` for a bad pointer; the kill for RAM exhaustion.
    static func failure(_ error: UserCopyError) -> SyscallResult {
        switch error {
        case .badAddress: return .error(.EFAULT)
        case .killed(let kill): return .kill(kill)
        }
    }
}
