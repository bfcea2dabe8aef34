#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls that change host files: only under the sandbox root and only with writes allowed
/// (`--fs-write`); otherwise `-EACCES`. pwrite64, ftruncate and fsync work on descriptors the guest
/// opened for writing, which already needed the permission.
enum FileWriteSyscalls {
    /// unlinkat's AT_REMOVEDIR.
    static let removeDirectory: UInt64 = 0x200

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 35, name: "unlinkat", arguments: [.decimal, .string, .hex], result: .decimal, handler: unlinkat),
        SyscallDefinition(number: 34, name: "mkdirat", arguments: [.decimal, .string, .hex], result: .decimal, handler: mkdirat),
        SyscallDefinition(number: 68, name: "pwrite64", arguments: [.decimal, .buffer(lengthArgument: 2), .decimal, .decimal],
                          result: .decimal, handler: pwrite64),
        SyscallDefinition(number: 46, name: "ftruncate", arguments: [.decimal, .decimal], result: .decimal) { process, a in
            guard let fd = process.files[Int64(bitPattern: a[0])]?.hostDescriptor else { return .error(.EBADF) }
            return Glibc.ftruncate(fd, off_t(Int64(bitPattern: a[1]))) == 0 ? .value(0) : .error(.host)
        },
        SyscallDefinition(number: 82, name: "fsync", arguments: [.decimal], result: .decimal) { process, a in
            guard let fd = process.files[Int64(bitPattern: a[0])]?.hostDescriptor else { return .error(.EBADF) }
            return Glibc.fsync(fd) == 0 || errno == EINVAL ? .value(0) : .error(.host)
        },
        SyscallDefinition(number: 166, name: "umask", arguments: [.hex], result: .hex) { process, a in
            let old = process.fileCreationMask
            process.fileCreationMask = a[0] & 0o777
            return .value(Int64(old))
        },
    ]

    /// unlinkat(dirfd, path, flags): removes a file, or a directory with AT_REMOVEDIR.
    static func unlinkat(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard a[2] & ~removeDirectory == 0 else { return .error(.EINVAL) }
        return changing(process, dirfd: a[0], path: a[1]) { parent, name in
            Glibc.unlinkat(parent, name, a[2] & removeDirectory != 0 ? AT_REMOVEDIR : 0)
        }
    }

    /// mkdirat(dirfd, path, mode): a new directory, with the mode less the umask.
    static func mkdirat(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        changing(process, dirfd: a[0], path: a[1]) { parent, name in
            Glibc.mkdirat(parent, name, mode_t(truncatingIfNeeded: a[2] & 0o7777 & ~process.fileCreationMask))
        }
    }

    /// pwrite64(fd, buf, count, offset): writes at an offset without moving the file position.
    static func pwrite64(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let fd = process.files[Int64(bitPattern: a[0])]?.hostDescriptor else { return .error(.EBADF) }
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        let bytes: [UInt8]
        switch process.copyIn(from: a[1], count: count) {
        case .success(let read): bytes = read
        case .failure(let error): return IOSyscalls.failure(error)
        }
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, count, off_t(Int64(bitPattern: a[3]))) }
        return n < 0 ? .error(.host) : .value(Int64(n))
    }

    /// Runs a host call that changes the directory entry `path`, when writes are allowed.
    private static func changing(_ process: Process, dirfd: UInt64, path: UInt64,
                                 _ call: @escaping (Int32, String) -> Int32) -> SyscallResult {
        FileSyscalls.withPath(process, dirfd: dirfd, path: path) { base, path in
            guard process.sandbox.allowsWrites else { return .error(.EACCES) }
            let result: Result<Void, Errno> = process.sandbox.withParent(of: path, from: base) { parent, name in
                guard name != "." else { return .failure(.EINVAL) }
                return call(parent, name) == 0 ? .success(()) : .failure(.host)
            }
            switch result {
            case .success: return .value(0)
            case .failure(let error): return .error(error)
            }
        }
    }
}
