/// read, readv, write and writev on the process's file descriptors; a call that would block
/// blocks only its task (`Process.waitUntilReady`).
enum IOSyscalls {
    /// The most bytes one `read` moves; a longer request returns a short count, as a pipe may.
    static let readChunk = 1 << 16
    /// The most iovecs `writev` takes (Linux's IOV_MAX).
    static let maxIOVectors: UInt64 = 1024

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(63, "read", [.decimal, .resultBuffer, .decimal], read),
        SyscallDefinition(64, "write", [.decimal, .buffer(lengthArgument: 2), .decimal], write),
        SyscallDefinition(66, "writev", [.decimal, .hex, .decimal], writev),
        SyscallDefinition(65, "readv", [.decimal, .hex, .decimal], readv),
    ]

    /// read(fd, buf, count): reads from the host descriptor into user memory; pages of `buf` are
    /// faulted in as they are filled. `-EFAULT` (before reading anything) when the buffer is not
    /// writable user memory, `-EBADF` for a descriptor that is not open.
    static func read(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let entry = process.files[Process.descriptor(a[0])] else { return .error(.EBADF) }
        let count = Int(min(a[2], UInt64(readChunk)))
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

    /// Reads into each piece, `readChunk` bytes at a time, until a short read; returns the total.
    private static func readIn(_ process: Process, from file: HostDescriptor, pieces: [(UInt64, Int)]) -> SyscallResult {
        process.traceSink.flush()
        var total: Int64 = 0
        for (base, length) in pieces {
            var offset = 0
            while offset < length {
                let want = min(length - offset, readChunk)
                var buffer = [UInt8](repeating: 0, count: want)
                let read = buffer.withUnsafeMutableBytes { file.read(into: $0) }
                guard case .success(let n) = read else { return total > 0 ? .value(total) : SyscallResult(read) }
                if n > 0, case .failure(let error) = process.copyOut(Array(buffer[..<n]), to: base + UInt64(offset)) {
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
        if a[2] > 0, let wait = process.waitUntilReady(entry, events: .output) { return wait }
        return process.signalBrokenPipe(writeOut(process, to: entry.hostDescriptor, pieces: [(a[1], Int(a[2]))]))
    }

    /// writev(fd, iov, iovcnt): like `write` of every `{base, length}` in turn. `-EINVAL` for a
    /// negative or too large count, `-EFAULT` when the vector or any buffer is bad.
    static func writev(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let entry = process.files[Process.descriptor(a[0])] else { return .error(.EBADF) }
        switch ioVectors(process, at: a[1], count: a[2], access: .load) {
        case .success(let pieces):
            if let wait = process.waitUntilReady(entry, events: .output) { return wait }
            return process.signalBrokenPipe(writeOut(process, to: entry.hostDescriptor, pieces: pieces))
        case .failure(let failure): return failure.result
        }
    }

    /// The `{base, length}` pairs of an iovec array, each buffer checked for `access`. Fails with
    /// the syscall's result: `-EINVAL` for a count over IOV_MAX or a total over 2 GiB, `-EFAULT`.
    private static func ioVectors(_ process: Process, at address: UInt64, count: UInt64,
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

    /// Copies in and writes each piece, 64 KiB at a time; returns the bytes written.
    private static func writeOut(_ process: Process, to file: HostDescriptor, pieces: [(UInt64, Int)]) -> SyscallResult {
        process.traceSink.flush()
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
                let wrote = file.writeAll(bytes)
                if case .failure(.EPIPE) = wrote { return Signal.brokenPipe(process, written: written) }
                guard case .success(let n) = wrote else { return written > 0 ? .value(written) : SyscallResult(wrote) }
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
