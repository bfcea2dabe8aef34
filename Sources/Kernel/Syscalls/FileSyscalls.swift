#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files under the sandbox root: openat, lseek, pread64, getdents64, faccessat, getcwd,
/// readlinkat, fcntl, dup and dup3. Paths go through `FileSandbox`.
enum FileSyscalls {
    /// AT_FDCWD: paths relative to the current directory, which is the sandbox root.
    static let currentDirectory: Int64 = -100
    static let fcntlDupFD: UInt64 = 0, fcntlGetFD: UInt64 = 1, fcntlSetFD: UInt64 = 2
    static let fcntlGetFL: UInt64 = 3, fcntlSetFL: UInt64 = 4, fcntlDupFDCloexec: UInt64 = 1030
    static let writeOK: UInt64 = 2

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 56, name: "openat", arguments: [.decimal, .string, .hex, .hex], result: .decimal, handler: openat),
        SyscallDefinition(number: 62, name: "lseek", arguments: [.decimal, .decimal, .decimal], result: .decimal, handler: lseek),
        SyscallDefinition(number: 67, name: "pread64", arguments: [.decimal, .resultBuffer, .decimal, .decimal], result: .decimal,
                          handler: pread64),
        SyscallDefinition(number: 61, name: "getdents64", arguments: [.decimal, .hex, .decimal], result: .decimal,
                          handler: getdents64),
        SyscallDefinition(number: 48, name: "faccessat", arguments: [.decimal, .string, .hex], result: .decimal, handler: faccessat),
        SyscallDefinition(number: 439, name: "faccessat2", arguments: [.decimal, .string, .hex, .hex], result: .decimal,
                          handler: faccessat),
        SyscallDefinition(number: 17, name: "getcwd", arguments: [.hex, .decimal], result: .decimal, handler: getcwd),
        SyscallDefinition(number: 78, name: "readlinkat", arguments: [.decimal, .string, .hex, .decimal], result: .decimal,
                          handler: readlinkat),
        SyscallDefinition(number: 25, name: "fcntl", arguments: [.decimal, .decimal, .hex], result: .decimal, handler: fcntl),
        SyscallDefinition(number: 23, name: "dup", arguments: [.decimal], result: .decimal) { process, a in
            duplicate(process, a[0], lowest: 0)
        },
        SyscallDefinition(number: 24, name: "dup3", arguments: [.decimal, .decimal, .hex], result: .decimal, handler: dup3),
    ]

    /// openat(dirfd, path, flags, mode): opens through the sandbox; the lowest free descriptor.
    static func openat(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let flags = OpenFlags.host(fromGuest: a[2]) else { return .error(.EINVAL) }
        return withPath(process, dirfd: a[0], path: a[1]) { base, path in
            let mode = mode_t(truncatingIfNeeded: a[3] & 0o7777 & ~process.fileCreationMask)
            switch process.sandbox.open(path, from: base, flags: flags, mode: mode) {
            case .failure(let error): return .error(error)
            case .success(let fd):
                guard let guestFD = process.files.allocate(.owned(fd)) else {
                    _ = close(fd)
                    return .error(.EMFILE)
                }
                return .value(Int64(guestFD))
            }
        }
    }

    /// lseek(fd, offset, whence) on the host descriptor.
    static func lseek(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let fd = process.files[Int64(bitPattern: a[0])]?.hostDescriptor else { return .error(.EBADF) }
        let result = Glibc.lseek(fd, off_t(Int64(bitPattern: a[1])), Int32(truncatingIfNeeded: a[2]))
        return result < 0 ? .error(.host) : .value(Int64(result))
    }

    /// pread64(fd, buf, count, offset): reads at an offset without moving the file position.
    static func pread64(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let fd = process.files[Int64(bitPattern: a[0])]?.hostDescriptor else { return .error(.EBADF) }
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(Int64(bitPattern: a[3]))) }
        guard n > 0 else { return n < 0 ? .error(.host) : .value(0) }
        return IOSyscalls.complete(process.copyOut(Array(buffer[..<n]), to: a[1]), value: Int64(n))
    }

    /// getdents64(fd, dirp, count): the host's records, whose layout is the same on every Linux.
    static func getdents64(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let fd = process.files[Int64(bitPattern: a[0])]?.hostDescriptor else { return .error(.EBADF) }
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        guard let hostGetdents = HostDirectory.getdents64 else { return .error(.ENOSYS) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { hostGetdents(fd, $0.baseAddress, count) }
        guard n > 0 else { return n < 0 ? .error(.host) : .value(0) }
        return IOSyscalls.complete(process.copyOut(Array(buffer[..<n]), to: a[1]), value: Int64(n))
    }

    /// faccessat(dirfd, path, mode[, flags]): the host's answer for a path in the sandbox; a
    /// symbolic link is `-EACCES`, and so is W_OK when writes are not allowed.
    static func faccessat(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard a[2] & ~UInt64(7) == 0 else { return .error(.EINVAL) }
        return withPath(process, dirfd: a[0], path: a[1]) { base, path in
            if a[2] & writeOK != 0 && !process.sandbox.allowsWrites { return .error(.EACCES) }
            let result: Result<Void, Errno> = process.sandbox.withParent(of: path, from: base) { parent, name in
                var status = stat()
                guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .failure(.host) }
                guard status.st_mode & S_IFMT != S_IFLNK else { return .failure(.EACCES) }
                return Glibc.faccessat(parent, name, Int32(a[2]), 0) == 0 ? .success(()) : .failure(.host)
            }
            switch result {
            case .success: return .value(0)
            case .failure(let error): return .error(error)
            }
        }
    }

    /// getcwd(buf, size): the sandbox root's absolute host path; returns its length with the NUL.
    static func getcwd(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let resolved = realpath(process.sandbox.rootPath, nil) else { return .error(.ENOENT) }
        let path = Array(String(cString: resolved).utf8) + [0]
        free(resolved)
        guard UInt64(path.count) <= a[1] else { return .error(.ERANGE) }
        return IOSyscalls.complete(process.copyOut(path, to: a[0]), value: Int64(path.count))
    }

    /// readlinkat(dirfd, path, buf, size): `/proc/self/exe` names the program's absolute host path;
    /// other links in the sandbox are not followed or read (`-EACCES`), other files are `-EINVAL`.
    static func readlinkat(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard Int64(bitPattern: a[3]) > 0 else { return .error(.EINVAL) }
        let path: [UInt8]
        switch process.copyInString(from: a[1]) {
        case .success(let bytes): path = bytes
        case .failure(let error): return IOSyscalls.failure(error)
        }
        if path == Array("/proc/self/exe".utf8) {
            guard let resolved = realpath(process.executablePath, nil) else { return .error(.ENOENT) }
            let target = Array(String(cString: resolved).utf8.prefix(Int(min(a[3], 4096))))
            free(resolved)
            return IOSyscalls.complete(process.copyOut(target, to: a[2]), value: Int64(target.count))
        }
        return withPath(process, dirfd: a[0], path: a[1]) { base, path in
            switch process.sandbox.status(of: path, from: base) {
            case .failure(let error): return .error(error)
            case .success(let status): return .error(status.st_mode & S_IFMT == S_IFLNK ? .EACCES : .EINVAL)
            }
        }
    }

    /// fcntl(fd, cmd, arg): F_DUPFD(_CLOEXEC), F_GETFD/F_SETFD (no exec, so nothing to record),
    /// F_GETFL from the host, F_SETFL accepted; other commands `-EINVAL`.
    static func fcntl(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let entry = process.files[Int64(bitPattern: a[0])] else { return .error(.EBADF) }
        switch a[1] {
        case fcntlDupFD, fcntlDupFDCloexec:
            guard a[2] < UInt64(FileTable.limit) else { return .error(.EINVAL) }
            return duplicate(process, a[0], lowest: Int(a[2]))
        case fcntlGetFD, fcntlSetFD, fcntlSetFL:
            return .value(0)
        case fcntlGetFL:
            let flags = Glibc.fcntl(entry.hostDescriptor, F_GETFL)
            return flags < 0 ? .error(.host) : .value(Int64(OpenFlags.guest(fromHost: flags)))
        default:
            return .error(.EINVAL)
        }
    }

    /// dup3(old, new, flags): `new` refers to what `old` does; `-EINVAL` when they are equal.
    static func dup3(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let entry = process.files[Int64(bitPattern: a[0])] else { return .error(.EBADF) }
        guard a[1] < UInt64(FileTable.limit) else { return .error(.EBADF) }
        guard a[0] != a[1], a[2] & ~UInt64(0o2000000) == 0 else { return .error(.EINVAL) }
        switch process.files.duplicate(entry) {
        case .failure(let error): return .error(error)
        case .success(let copy):
            process.files.install(copy, at: Int(a[1]))
            return .value(Int64(a[1]))
        }
    }

    /// A copy of descriptor `fd` at the lowest free descriptor not below `lowest`.
    static func duplicate(_ process: Process, _ fd: UInt64, lowest: Int) -> SyscallResult {
        guard let entry = process.files[Int64(bitPattern: fd)] else { return .error(.EBADF) }
        switch process.files.duplicate(entry) {
        case .failure(let error): return .error(error)
        case .success(let copy):
            guard let newFD = process.files.allocate(copy, lowest: lowest) else {
                if case .owned(let host) = copy { _ = close(host) }
                return .error(.EMFILE)
            }
            return .value(Int64(newFD))
        }
    }

    /// Reads the path at `pathAddress` and finds the directory it is relative to, then runs `body`.
    static func withPath(_ process: Process, dirfd: UInt64, path pathAddress: UInt64,
                         _ body: (Int32?, [UInt8]) -> SyscallResult) -> SyscallResult {
        let path: [UInt8]
        switch process.copyInString(from: pathAddress) {
        case .success(let bytes): path = bytes
        case .failure(let error): return IOSyscalls.failure(error)
        }
        let directory = Int64(bitPattern: dirfd)
        if directory == currentDirectory || Int32(truncatingIfNeeded: directory) == Int32(currentDirectory) {
            return body(nil, path)
        }
        guard let entry = process.files[directory] else { return .error(.EBADF) }
        guard case .owned(let fd) = entry else { return .error(.ENOTDIR) }
        return body(fd, path)
    }
}

/// getdents64 from the host's C library, which Swift's Glibc module does not export.
enum HostDirectory {
    typealias Getdents64 = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    static let getdents64: Getdents64? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getdents64")
        .map { unsafeBitCast($0, to: Getdents64.self) }
}
