/// faccessat(2), readlinkat, getcwd, chdir, fchdir and newfstatat of a path (which
/// FileStatusSyscalls registers beside fstat): questions about files, answered through the sandbox (`FileSystemSandbox`).
enum PathSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(48, "faccessat", [.decimal, .string, .decimal], faccessat),
        SyscallDefinition(439, "faccessat2", [.decimal, .string, .decimal, .hex], faccessat2),
        SyscallDefinition(78, "readlinkat", [.decimal, .string, .resultBuffer, .decimal], readlinkat),
        SyscallDefinition(17, "getcwd", [.hex, .decimal], getcwd),
        SyscallDefinition(49, "chdir", [.string], chdir),
        SyscallDefinition(50, "fchdir", [.decimal], fchdir),
    ]

    /// The AT_* flags (the same values on every Linux).
    static let symlinkNoFollow: UInt64 = 0x100, effectiveAccess: UInt64 = 0x200
    static let noAutomount: UInt64 = 0x800, emptyPath: UInt64 = 0x1000
    /// access(2)'s W_OK.
    static let writeAccess: UInt64 = 2

    /// newfstatat(dirfd, path, statbuf, flags): fills riscv64's 128-byte `struct stat`
    /// (`FileStatusSyscalls.riscv64Stat`). AT_SYMLINK_NOFOLLOW stats a link itself; AT_EMPTY_PATH with an empty (or
    /// null) path stats `dirfd` (this is how glibc's fstat works). `-EINVAL` for other flags,
    /// `-ENOENT` for an empty path without AT_EMPTY_PATH, `-EFAULT` for bad pointers.
    static func newfstatat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[3] & ~(symlinkNoFollow | noAutomount | emptyPath) == 0 else { return .error(.EINVAL) }
        let status = try withTarget(process, dirfd: a[0], path: a[1], flags: a[3]) { $0.status() }.orFail()
        try process.copyOutArgument(FileStatusSyscalls.riscv64Stat(status), to: a[2])
        return .value(0)
    }

    /// faccessat(dirfd, path, mode): `faccessat2` without flags.
    static func faccessat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        try faccessat2(process, [a[0], a[1], a[2], 0])
    }

    /// faccessat2(dirfd, path, mode, flags): whether the file exists (F_OK) and the host grants
    /// R_OK/W_OK/X_OK. W_OK is `-EACCES` without `allowWrites`. `-EINVAL` for bad mode or flags.
    static func faccessat2(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[2] & ~7 == 0, a[3] & ~(symlinkNoFollow | effectiveAccess | emptyPath) == 0 else { return .error(.EINVAL) }
        try withTarget(process, dirfd: a[0], path: a[1], flags: a[3]) {
            $0.checkAccess(HostAccessCheck(rawValue: Int32(a[2])), effectiveIDs: a[3] & effectiveAccess != 0)
        }.orFail()
        if a[2] & writeAccess != 0, !process.fileSystem.allowWrites { return .error(.EACCES) }
        return .value(0)
    }

    /// readlinkat(dirfd, path, buf, size): the text of a symlink inside the sandbox, truncated to
    /// `size`, without a NUL; `/proc/self/exe` reads as the program's absolute host path and
    /// `/proc/self/fd/N` as the host path of what descriptor N refers to (as under qemu-riscv64), and
    /// `/dev/fd`, `/dev/stdin`... as their targets in /proc/self/fd.
    /// `-EINVAL` for a size of 0 or a path that is not a symlink, `-EFAULT` for bad pointers.
    static func readlinkat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let size = Int64(Int32(truncatingIfNeeded: a[3]))
        guard size > 0 else { return .error(.EINVAL) }
        let path = try process.pathArgument(a[1])
        let base = try process.lookupBase(dirfd: a[0], for: path)
        let sandbox = process.fileSystem
        var target: [UInt8]
        if sandbox.guestAbsolutePath(path, from: base) == FileSystemSandbox.executableLink {
            target = Array(sandbox.executablePath.utf8)
        } else if let link = Process.deviceLinks[sandbox.guestAbsolutePath(path, from: base)] {
            target = Array(link.utf8)
        } else if let entry = process.procSelfEntry(path, from: base), entry == "exe" || entry.hasPrefix("fd/") {
            guard let link = entry == "exe" ? sandbox.executablePath : process.descriptorLinkTarget(entry) else {
                return .error(.ENOENT)
            }
            target = Array(link.utf8)
        } else {
            let link = try sandbox.openPath(path, from: base, followLink: false, searchSysroot: true).orFail()
            defer { link.close() }
            guard try link.status().orFail().type == .symbolicLink else { return .error(.EINVAL) }
            target = try link.linkText(maxLength: Process.maxStringLength).orFail()
        }
        let shown = Array(target.prefix(Int(size)))
        try process.copyOutArgument(shown, to: a[2])
        return .value(Int64(shown.count))
    }

    /// getcwd(buf, size): the working directory's real host path (`FileSystemSandbox`),
    /// NUL-terminated; returns its length with the NUL. `-ERANGE` when it does not fit, `-EFAULT`
    /// for a bad buffer.
    static func getcwd(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let path = Array(process.fileSystem.workingDirectoryHostPath.utf8) + [0]
        guard UInt64(path.count) <= a[1] else { return .error(.ERANGE) }
        try process.copyOutArgument(path, to: a[0])
        return .value(Int64(path.count))
    }

    /// chdir(path): moves the working directory to a directory inside the sandbox. `-ENOTDIR`
    /// for a file, `-ENOENT` for a missing path, as Linux.
    static func chdir(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let path = try process.pathArgument(a[0])
        let base = try process.lookupBase(dirfd: UInt64(bitPattern: Int64(FileSystemSandbox.currentDirectory)), for: path)
        let directory = try process.fileSystem.open(path, from: base, flags: [.path, .directory]).orFail()
        defer { directory.close() }
        return process.fileSystem.changeDirectory(to: directory) ? .value(0) : .error(.ENOTDIR)
    }

    /// fchdir(fd): moves the working directory to an open directory. `-EBADF`, `-ENOTDIR`.
    static func fchdir(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard case .owned(let fd) = try process.openEntry(a[0]) else { return .error(.ENOTDIR) }
        return process.fileSystem.changeDirectory(to: fd) ? .value(0) : .error(.ENOTDIR)
    }

    /// Runs `body` on a host descriptor for the target of a *at call that only asks about a file
    /// (stat, statx, access): `dirfd` itself for an empty path with AT_EMPTY_PATH, the descriptor
    /// itself for `/proc/self/fd/N` (and `/dev/fd/N`) unless AT_SYMLINK_NOFOLLOW, else an O_PATH
    /// descriptor of the path, from the sysroot first (not following a final symlink with
    /// AT_SYMLINK_NOFOLLOW), closed afterwards.
    static func withTarget<T>(_ process: Process, dirfd: UInt64, path address: UInt64, flags: UInt64,
                              _ body: (HostDescriptor) -> T) throws(SyscallFailure) -> T {
        let path = address == 0 && flags & emptyPath != 0 ? "" : try process.pathArgument(address)
        if path.isEmpty {
            guard flags & emptyPath != 0 else { throw SyscallFailure(.ENOENT) }
            if Process.descriptor(dirfd) != Int64(FileSystemSandbox.currentDirectory) {
                return body(try process.openEntry(dirfd).hostDescriptor)
            }
        }
        let base = try process.lookupBase(dirfd: dirfd, for: path)
        if let entry = process.procSelfEntry(path, from: base), let open = process.descriptorEntry(entry) {
            guard flags & symlinkNoFollow != 0 else { return body(open.hostDescriptor) }
            let link = try Host.open(open.hostDescriptor.procPath, flags: [.path, .noFollow]).orFail()
            defer { link.close() }
            return body(link)
        }
        if process.procDirectoryListing(path, from: base) != nil {
            let directory = try Host.makeVanishedDirectory().orFail()
            defer { directory.close() }
            return body(directory)
        }
        let file = try process.fileSystem.openPath(path.isEmpty ? "." : path, from: base,
                                                   followLink: flags & symlinkNoFollow == 0, searchSysroot: true).orFail()
        defer { file.close() }
        return body(file)
    }
}
