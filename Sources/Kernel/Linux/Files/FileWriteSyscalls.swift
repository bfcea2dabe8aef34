/// Calls that change host files through descriptors: pwrite64, ftruncate and fsync work on
/// descriptors the guest opened for writing, which already needed `--fs-write`, and never change
/// the inherited streams 0-2 (`Process.fileChangingDescriptor`); umask sets the mask
/// applied to files and directories the guest creates. unlinkat and mkdirat are in
/// Files/DirectoryChangeSyscalls.
enum FileWriteSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(68, "pwrite64", [.decimal, .buffer(lengthArgument: 2), .decimal, .decimal], pwrite64),
        SyscallDefinition(46, "ftruncate", [.decimal, .decimal]) { process, a throws(SyscallFailure) in
            let fd = try process.fileChangingDescriptor(a[0], inherited: .EINVAL)
            try fd.setSize(Int64(bitPattern: a[1])).orFail()
            process.truncateCache(behind: fd, to: Int64(bitPattern: a[1]))
            return .value(0)
        },
        SyscallDefinition(82, "fsync", [.decimal]) { process, a in
            guard let fd = process.files[Process.descriptor(a[0])]?.hostDescriptor else { return .error(.EBADF) }
            if case .failure(let error) = fd.synchronize(), error != .EINVAL { return .error(error) }
            return .value(0)
        },
        SyscallDefinition(166, "umask", [.hex], result: .hex) { process, a in
            let old = process.fileCreationMask
            process.fileCreationMask = a[0] & 0o777
            return .value(Int64(old))
        },
    ]

    /// pwrite64(fd, buf, count, offset): writes at an offset without moving the file position.
    /// The inherited streams 0-2 are not written at offsets: `-ESPIPE`, as for a pipe.
    static func pwrite64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.fileChangingDescriptor(a[0], inherited: .ESPIPE)
        let bytes = try process.copyInArgument(from: a[1], count: Int(min(a[2], UInt64(IOSyscalls.readChunk))))
        let offset = Int64(bitPattern: a[3])
        let n = try bytes.withUnsafeBytes { fd.write($0, at: offset) }.orFail()
        process.writeThroughCache(bytes[..<n], to: process.cachedFile(behind: fd), host: fd, at: offset)
        return .value(Int64(n))
    }
}
