/// Extended attributes (the *xattr calls), answered as by a file system that holds none and takes
/// none: a file has no attributes to list or read, and setting one is `-EOPNOTSUPP`. The file
/// must exist (a path through the sandbox, or an open descriptor) and the name must be valid, as
/// on Linux.
enum ExtendedAttributeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(5, "setxattr", [.string, .string, .hex, .decimal, .hex]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: true, name: a[1], with: .EOPNOTSUPP)
        },
        SyscallDefinition(6, "lsetxattr", [.string, .string, .hex, .decimal, .hex]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: false, name: a[1], with: .EOPNOTSUPP)
        },
        SyscallDefinition(7, "fsetxattr", [.decimal, .string, .hex, .decimal, .hex]) { process, a throws(SyscallFailure) in
            try answer(process, descriptor: a[0], name: a[1], with: .EOPNOTSUPP)
        },
        SyscallDefinition(8, "getxattr", [.string, .string, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: true, name: a[1], with: .ENODATA)
        },
        SyscallDefinition(9, "lgetxattr", [.string, .string, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: false, name: a[1], with: .ENODATA)
        },
        SyscallDefinition(10, "fgetxattr", [.decimal, .string, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try answer(process, descriptor: a[0], name: a[1], with: .ENODATA)
        },
        SyscallDefinition(11, "listxattr", [.string, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: true, name: nil, with: nil)
        },
        SyscallDefinition(12, "llistxattr", [.string, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: false, name: nil, with: nil)
        },
        SyscallDefinition(13, "flistxattr", [.decimal, .hex, .decimal]) { process, a throws(SyscallFailure) in
            try answer(process, descriptor: a[0], name: nil, with: nil)
        },
        SyscallDefinition(14, "removexattr", [.string, .string]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: true, name: a[1], with: .ENODATA)
        },
        SyscallDefinition(15, "lremovexattr", [.string, .string]) { process, a throws(SyscallFailure) in
            try answer(process, path: a[0], follow: false, name: a[1], with: .ENODATA)
        },
        SyscallDefinition(16, "fremovexattr", [.decimal, .string]) { process, a throws(SyscallFailure) in
            try answer(process, descriptor: a[0], name: a[1], with: .ENODATA)
        },
    ]

    /// The longest attribute name (XATTR_NAME_MAX).
    static let maxNameLength = 255

    /// The answer for the file at `path`: `error` once the file and the name check out, or 0
    /// (an empty list) when `error` is nil. `-ENOENT` and the other lookup errors first.
    private static func answer(_ process: Process, path: UInt64, follow: Bool, name: UInt64?,
                               with error: Errno?) throws(SyscallFailure) -> SyscallResult {
        let flags = follow ? 0 : PathSyscalls.symlinkNoFollow
        let dirfd = UInt64(bitPattern: Int64(FileSystemSandbox.currentDirectory))
        _ = try PathSyscalls.withTarget(process, dirfd: dirfd, path: path, flags: flags) { $0.status() }.orFail()
        return try answer(process, name: name, with: error)
    }

    /// The answer for open descriptor `descriptor` (`-EBADF` when it is not open).
    private static func answer(_ process: Process, descriptor: UInt64, name: UInt64?,
                               with error: Errno?) throws(SyscallFailure) -> SyscallResult {
        _ = try process.openEntry(descriptor)
        return try answer(process, name: name, with: error)
    }

    /// `error` (or 0) after checking `name`: `-ERANGE` for an empty or over-long name, `-EFAULT`
    /// for a bad pointer.
    private static func answer(_ process: Process, name: UInt64?, with error: Errno?) throws(SyscallFailure) -> SyscallResult {
        if let name {
            let text = try process.pathArgument(name)
            guard !text.isEmpty, text.utf8.count <= maxNameLength else { return .error(.ERANGE) }
        }
        return error.map { .error($0) } ?? .value(0)
    }
}
