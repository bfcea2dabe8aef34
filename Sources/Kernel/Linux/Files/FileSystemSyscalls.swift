/// Calls about whole files and the file system that holds them: statfs and fstatfs (the host's answer
/// for the file system of the root or the sysroot), sync, syncfs and fdatasync, flock, and fallocate.
enum FileSystemSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(43, "statfs", [.string, .hex], statfs),
        SyscallDefinition(44, "fstatfs", [.decimal, .hex], fstatfs),
        SyscallDefinition(81, "sync", []) { _, _ in .value(0) },
        SyscallDefinition(267, "syncfs", [.decimal]) { process, a throws(SyscallFailure) in
            SyscallResult(try process.openEntry(a[0]).hostDescriptor.synchronizeFileSystem())
        },
        SyscallDefinition(83, "fdatasync", [.decimal]) { process, a throws(SyscallFailure) in
            if case .failure(let error) = try process.openEntry(a[0]).hostDescriptor.synchronizeData(), error != .EINVAL {
                return .error(error)
            }
            return .value(0)
        },
        SyscallDefinition(32, "flock", [.decimal, .decimal], flock),
        SyscallDefinition(47, "fallocate", [.decimal, .hex, .decimal, .decimal], fallocate),
    ]

    /// The size of riscv64's `struct statfs`: eleven 64-bit words with `f_fsid` (two ints) as the
    /// eighth, then four spare words.
    static let structSize = 120

    /// statfs(path, buf): the status of the file system holding `path` (looked up as stat does).
    static func statfs(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let status = try PathSyscalls.withTarget(process, dirfd: UInt64(bitPattern: Int64(FileSystemSandbox.currentDirectory)),
                                                 path: a[0], flags: 0) { $0.fileSystemStatus() }.orFail()
        try process.copyOutArgument(layout(status), to: a[1])
        return .value(0)
    }

    /// fstatfs(fd, buf): the status of the file system holding open descriptor `fd`. `-EBADF`.
    static func fstatfs(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let status = try process.openEntry(a[0]).hostDescriptor.fileSystemStatus().orFail()
        try process.copyOutArgument(layout(status), to: a[1])
        return .value(0)
    }

    /// riscv64's `struct statfs` for `status`.
    static func layout(_ s: HostFileSystemStatus) -> [UInt8] {
        let fsid = UInt64(s.identifier.0) | UInt64(s.identifier.1) << 32
        let layout = GuestBytes.words(s.type, s.blockSize, s.blocks, s.freeBlocks, s.availableBlocks, s.files, s.freeFiles,
                                      fsid, s.maximumNameLength, s.fragmentSize, s.mountFlags)
        return layout + [UInt8](repeating: 0, count: structSize - layout.count)
    }

    /// Linux's LOCK_SH, LOCK_EX, LOCK_NB and LOCK_UN.
    static let lockShared: UInt64 = 1, lockExclusive: UInt64 = 2, lockNonBlocking: UInt64 = 4, unlock: UInt64 = 8
    /// How long a task that waits for a lock sleeps before it tries again.
    static let lockRetryNanoseconds: UInt64 = 1_000_000

    /// flock(fd, operation): an advisory lock on the open file. The host call never blocks tinyrv:
    /// a lock another open file holds makes the task retry every millisecond (another task of the
    /// guest may be the holder), or `-EWOULDBLOCK` with LOCK_NB. `-EINVAL` for a bad operation.
    static func flock(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.openEntry(a[0]).hostDescriptor
        guard a[1] >> 32 == 0 else { return .error(.EINVAL) }
        let operation: HostLockOperation
        switch a[1] & ~lockNonBlocking {
        case lockShared: operation = .shared
        case lockExclusive: operation = .exclusive
        case unlock: operation = .unlock
        default: return .error(.EINVAL)
        }
        let locked = fd.tryLock(operation)
        guard case .failure(.EAGAIN) = locked, a[1] & lockNonBlocking == 0 else { return SyscallResult(locked) }
        return .block(.until(Host.monotonicNow() &+ lockRetryNanoseconds))
    }

    /// fallocate(fd, mode, offset, len): with mode 0, makes the file at least `offset + len` bytes
    /// and reserves their blocks. `-EOPNOTSUPP` for other modes, `-EINVAL` for a negative offset or a
    /// length that is not positive, `-ESPIPE` for the inherited streams, `-EFBIG` past 2^63.
    static func fallocate(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.fileChangingDescriptor(a[0], inherited: .ESPIPE)
        let offset = Int64(bitPattern: a[2]), length = Int64(bitPattern: a[3])
        guard offset >= 0, length > 0 else { return .error(.EINVAL) }
        guard UInt32(truncatingIfNeeded: a[1]) == 0 else { return .error(.EOPNOTSUPP) }
        guard offset.addingReportingOverflow(length).overflow == false else { return .error(.EFBIG) }
        return SyscallResult(fd.allocate(offset: offset, length: length))
    }
}
