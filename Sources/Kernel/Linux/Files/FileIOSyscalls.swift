/// lseek, pread64, getdents64, sendfile and fadvise64 on the host descriptor behind a guest descriptor (read, write,
/// readv and writev are in IOSyscalls, pwrite64 in FileWriteSyscalls).
enum FileIOSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(62, "lseek", [.decimal, .decimal, .decimal], lseek),
        SyscallDefinition(67, "pread64", [.decimal, .resultBuffer, .decimal, .decimal], pread64),
        SyscallDefinition(61, "getdents64", [.decimal, .hex, .decimal], getdents64),
        SyscallDefinition(71, "sendfile", [.decimal, .decimal, .hex, .decimal], sendfile),
        SyscallDefinition(223, "fadvise64", [.decimal, .decimal, .decimal, .decimal], fadvise64),
    ]

    /// fadvise64(fd, offset, len, advice): advice is only a hint, taken and ignored. `-EBADF`,
    /// `-ESPIPE` for a pipe or socket, `-EINVAL` for an unknown advice (POSIX_FADV_NORMAL..NOREUSE)
    /// or a negative length.
    static func fadvise64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        if case .pipe = entry { return .error(.ESPIPE) }
        if case .success(let status) = entry.hostDescriptor.status(), status.type == .fifo || status.type == .socket { return .error(.ESPIPE) }
        guard a[3] <= 5, Int64(bitPattern: a[2]) >= 0 else { return .error(.EINVAL) }
        return .value(0)
    }

    /// lseek(fd, offset, whence): the host's lseek (SEEK_SET/CUR/END/DATA/HOLE have the same
    /// values); returns the new offset or its errno (`-ESPIPE` on a pipe, `-EINVAL` for a bad whence).
    /// On a /proc directory, SEEK_SET to a d_off (0: rewinddir) is the only move.
    static func lseek(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        let hostFD = entry.hostDescriptor
        guard a[2] <= UInt64(Int32.max) else { return .error(.EINVAL) }
        if case .listing(_, let listing) = entry {
            guard a[2] == 0, let position = Int(exactly: Int64(bitPattern: a[1])), position >= 0 else { return .error(.EINVAL) }
            listing.position = min(position, listing.names.count)
            return .value(Int64(position))
        }
        return SyscallResult(hostFD.seek(to: Int64(bitPattern: a[1]), from: HostSeekOrigin(rawValue: Int32(a[2]))))
    }

    /// pread64(fd, buf, count, offset): reads up to 64 KiB at `offset` without moving the file
    /// offset. `-EFAULT` for a bad buffer; the host's errno otherwise (`-ESPIPE`, `-EINVAL`, `-EISDIR`).
    static func pread64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let hostFD = try process.openEntry(a[0]).hostDescriptor
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = try buffer.withUnsafeMutableBytes { hostFD.read(into: $0, at: Int64(bitPattern: a[3])) }.orFail()
        guard n > 0 else { return .value(0) }
        let bytes = process.readThroughCache(Array(buffer[..<n]), from: process.cachedFile(behind: hostFD), host: hostFD,
                                             at: Int64(bitPattern: a[3]))
        try process.copyOutArgument(bytes, to: a[1])
        return .value(Int64(n))
    }

    /// getdents64(fd, dirp, count): the host's linux_dirent64 records, which have the same layout
    /// on every Linux, copied out as they are (at most 64 KiB per call), or a /proc directory's
    /// (`DirectoryListing`). `-EFAULT` for a bad buffer, `-ENOTDIR` for a file, `-EINVAL` for a
    /// buffer too small for one record.
    static func getdents64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        let hostFD = entry.hostDescriptor
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        if case .listing(_, let listing) = entry {
            let records = try listing.nextRecords(capacity: count).orFail()
            try process.copyOutArgument(records, to: a[1])
            return .value(Int64(records.count))
        }
        var buffer = [UInt8](repeating: 0, count: max(count, 1))
        let n = try buffer.withUnsafeMutableBytes {
            hostFD.readDirectoryEntries(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]))
        }.orFail()
        guard n > 0 else { return .value(0) }
        try process.copyOutArgument(Array(buffer[..<n]), to: a[1])
        return .value(Int64(n))
    }

    /// sendfile(out, in, offset, count): the host's sendfile between the two host descriptors, at
    /// most 1 MiB per call. With an `offset` pointer, reads from `*offset` and stores the new offset
    /// there, leaving `in`'s own offset alone. `-EFAULT` for a bad pointer; the host's errno
    /// otherwise (`-EBADF`, `-EINVAL`, `-ESPIPE`).
    static func sendfile(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let output = try process.openEntry(a[0]).hostDescriptor
        let input = try process.openEntry(a[1]).hostDescriptor
        let count = Int(min(a[3], 1 << 20))
        process.traceSink.flush()
        guard a[2] != 0 else {
            let sent = output.sendFile(from: input, count: count)
            if case .failure(.EPIPE) = sent { return Signal.brokenPipe(process, written: 0) }
            return SyscallResult(sent)
        }
        let offset = Int64(bitPattern: GuestBytes.word(try process.copyInArgument(from: a[2], count: 8), at: 0))
        guard process.isAccessible(a[2], count: 8, for: .store) else { return .error(.EFAULT) }
        let sent = output.sendFile(from: input, at: offset, count: count)
        if case .failure(.EPIPE) = sent { return Signal.brokenPipe(process, written: 0) }
        let (n, nextOffset) = try sent.orFail()
        try process.copyOutArgument(GuestBytes.words(UInt64(bitPattern: nextOffset)), to: a[2])
        return .value(Int64(n))
    }
}
