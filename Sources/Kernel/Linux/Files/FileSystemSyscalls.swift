#if canImport(Glibc)
import Glibc
#endif
import CHostSys

/// Calls about whole files and the file system that holds them: statfs and fstatfs (the host's answer
/// for the file system of the root or the sysroot), sync, syncfs and fdatasync, flock, and fallocate.
enum FileSystemSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(43, "statfs", [.string, .hex], statfs),
        SyscallDefinition(44, "fstatfs", [.decimal, .hex], fstatfs),
        SyscallDefinition(number: 81, name: "sync", arguments: [], result: .decimal) { _, _ in .value(0) },
        SyscallDefinition(267, "syncfs", [.decimal]) { process, a throws(SyscallFailure) in
            .value(Int64(tinyrv_syncfs(try process.openEntry(a[0]).hostDescriptor)))
        },
        SyscallDefinition(83, "fdatasync", [.decimal]) { process, a throws(SyscallFailure) in
            Glibc.fdatasync(try process.openEntry(a[0]).hostDescriptor) == 0 || errno == EINVAL ? .value(0) : .error(.host)
        },
        SyscallDefinition(32, "flock", [.decimal, .decimal], flock),
        SyscallDefinition(47, "fallocate", [.decimal, .hex, .decimal, .decimal], fallocate),
    ]

    /// The size of riscv64's `struct statfs`: eleven 64-bit words with `f_fsid` (two ints) as the
    /// eighth, then four spare words.
    static let structSize = 120

    /// statfs(path, buf): the status of the file system holding `path` (looked up as stat does).
    static func statfs(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let layout = try PathSyscalls.withTarget(process, dirfd: UInt64(bitPattern: Int64(FileSystemSandbox.currentDirectory)),
                                                 path: a[0], flags: 0) { fd in fileSystemStatus(fd) }.get()
        try process.copyOutArgument(layout, to: a[1])
        return .value(0)
    }

    /// fstatfs(fd, buf): the status of the file system holding open descriptor `fd`. `-EBADF`.
    static func fstatfs(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let layout = try fileSystemStatus(process.openEntry(a[0]).hostDescriptor).get()
        try process.copyOutArgument(layout, to: a[1])
        return .value(0)
    }

    /// riscv64's `struct statfs` for the file system of host descriptor `fd`, or the host's errno.
    static func fileSystemStatus(_ fd: Int32) -> Result<[UInt8], SyscallFailure> {
        var fields = [UInt64](repeating: 0, count: 12)
        let status = tinyrv_fstatfs(fd, &fields)
        guard status == 0 else { return .failure(SyscallFailure(hostResult: Int64(status))) }
        let fsid = fields[7] & 0xffff_ffff | fields[8] << 32
        var layout = GuestBytes.words(Array(fields[0..<7]) + [fsid] + Array(fields[9..<12]))
        layout += [UInt8](repeating: 0, count: structSize - layout.count)
        return .success(layout)
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
        let operation = a[1] & ~lockNonBlocking
        guard operation == lockShared || operation == lockExclusive || operation == unlock,
              a[1] >> 32 == 0 else { return .error(.EINVAL) }
        let locked = tinyrv_flock(fd, Int32(operation | lockNonBlocking))
        guard locked == -EWOULDBLOCK, a[1] & lockNonBlocking == 0 else { return .value(Int64(locked)) }
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
        let result = posix_fallocate(fd, off_t(offset), off_t(length))
        return .value(-Int64(result))
    }
}
