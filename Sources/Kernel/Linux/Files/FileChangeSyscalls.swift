/// Changes to names and attributes of files in the sandbox: renameat2, linkat, symlinkat, truncate,
/// fchmod/fchmodat/fchmodat2 and fchown/fchownat. Like unlinkat and mkdirat
/// (`DirectoryChangeSyscalls`), each needs `allowWrites` (`--fs-write`), else `-EACCES` once its
/// paths resolve; a new name is made inside an O_PATH descriptor of its parent
/// (`FileSystemSandbox.openParent`), and an existing file is changed through the O_PATH descriptor the
/// sandbox resolved, so nothing outside the root is ever touched. The inherited streams 0-2 are never
/// re-moded or re-owned (`Process.fileChangingDescriptor`).
enum FileChangeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(276, "renameat2", [.decimal, .string, .decimal, .string, .hex], renameat2),
        SyscallDefinition(37, "linkat", [.decimal, .string, .decimal, .string, .hex], linkat),
        SyscallDefinition(36, "symlinkat", [.string, .decimal, .string], symlinkat),
        SyscallDefinition(45, "truncate", [.string, .decimal], truncate),
        SyscallDefinition(52, "fchmod", [.decimal, .hex], fchmod),
        SyscallDefinition(53, "fchmodat", [.decimal, .string, .hex], fchmodat),
        SyscallDefinition(452, "fchmodat2", [.decimal, .string, .hex, .hex], fchmodat2),
        SyscallDefinition(55, "fchown", [.decimal, .decimal, .decimal], fchown),
        SyscallDefinition(54, "fchownat", [.decimal, .string, .decimal, .decimal, .hex], fchownat),
    ]

    /// Linux's RENAME_NOREPLACE, RENAME_EXCHANGE and RENAME_WHITEOUT.
    static let renameNoReplace: UInt64 = 1, renameExchange: UInt64 = 2, renameWhiteout: UInt64 = 4
    /// Linux's AT_SYMLINK_FOLLOW (linkat).
    static let symlinkFollow: UInt64 = 0x400

    /// renameat2(olddirfd, oldpath, newdirfd, newpath, flags): moves a name, replacing the target as
    /// rename(2) does. `-EINVAL` for unknown or conflicting flags, `-EBUSY` for ".", ".." or the root,
    /// otherwise the host's errno (`-EXDEV`, `-ENOTEMPTY`, `-EISDIR`...).
    static func renameat2(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let flags = a[4]
        guard flags & ~(renameNoReplace | renameExchange | renameWhiteout) == 0,
              flags & (renameNoReplace | renameExchange) != renameNoReplace | renameExchange else { return .error(.EINVAL) }
        let source = try parent(process, dirfd: a[0], path: a[1], refusal: .existing)
        defer { source.directory.close() }
        let target = try parent(process, dirfd: a[2], path: a[3], refusal: .none)
        defer { target.directory.close() }
        return SyscallResult(source.directory.renameEntry(named: source.name, to: target.name, in: target.directory,
                                                          flags: HostRenameFlags(rawValue: UInt32(flags))))
    }

    /// linkat(olddirfd, oldpath, newdirfd, newpath, flags): a new name for an existing file of the
    /// root (never a file of the sysroot). AT_SYMLINK_FOLLOW links what a final symlink names;
    /// AT_EMPTY_PATH is `-ENOENT`, as for a process without CAP_DAC_READ_SEARCH. `-EINVAL` for other flags.
    static func linkat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[4] & ~(symlinkFollow | PathSyscalls.emptyPath) == 0 else { return .error(.EINVAL) }
        guard a[4] & PathSyscalls.emptyPath == 0 else { return .error(.ENOENT) }
        let existing = try resolve(process, dirfd: a[0], path: a[1], followLink: a[4] & symlinkFollow != 0)
        defer { existing.close() }
        let target = try parent(process, dirfd: a[2], path: a[3], refusal: .existing)
        defer { target.directory.close() }
        return SyscallResult(Host.link(existing.procPath, as: target.name, in: target.directory))
    }

    /// symlinkat(target, newdirfd, linkpath): a symbolic link holding the text `target`, which the
    /// sandbox resolves inside the root like any link. `-ENOENT` for an empty target, `-EEXIST` when
    /// the name exists (also without `allowWrites`).
    static func symlinkat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let text = try process.pathArgument(a[0])
        guard !text.isEmpty else { return .error(.ENOENT) }
        let link = try parent(process, dirfd: a[1], path: a[2], refusal: .creating)
        defer { link.directory.close() }
        return SyscallResult(link.directory.makeSymbolicLink(named: link.name, target: text))
    }

    /// truncate(path, length): sets the size of a file of the root. `-EINVAL` for a negative length.
    static func truncate(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let file = try resolve(process, dirfd: UInt64(bitPattern: Int64(FileSystemSandbox.currentDirectory)), path: a[0], followLink: true)
        defer { file.close() }
        guard Int64(bitPattern: a[1]) >= 0 else { return .error(.EINVAL) }
        try Host.truncate(file.procPath, to: Int64(bitPattern: a[1])).orFail()
        process.truncateCache(behind: file, to: Int64(bitPattern: a[1]))
        return .value(0)
    }

    /// fchmod(fd, mode): the permission bits of an open file. `-EPERM` for the inherited streams.
    static func fchmod(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.fileChangingDescriptor(a[0], inherited: .EPERM)
        guard process.fileSystem.allowWrites else { return .error(.EACCES) }
        return SyscallResult(fd.changeMode(UInt32(a[1] & 0o7777)))
    }

    /// fchmodat(dirfd, path, mode): fchmodat2 without flags.
    static func fchmodat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        try fchmodat2(process, [a[0], a[1], a[2], 0])
    }

    /// fchmodat2(dirfd, path, mode, flags): the permission bits of a file of the root. With
    /// AT_SYMLINK_NOFOLLOW a final symlink is `-EOPNOTSUPP`, as on Linux; `-EINVAL` for other flags.
    static func fchmodat2(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[3] & ~(PathSyscalls.symlinkNoFollow | PathSyscalls.emptyPath) == 0 else { return .error(.EINVAL) }
        let file = try resolve(process, dirfd: a[0], path: a[1], followLink: a[3] & PathSyscalls.symlinkNoFollow == 0)
        defer { file.close() }
        guard try file.status().orFail().type != .symbolicLink else { return .error(.EOPNOTSUPP) }
        return SyscallResult(Host.changeMode(of: file.procPath, to: UInt32(a[2] & 0o7777)))
    }

    /// fchown(fd, owner, group): the owner and group of an open file (-1 keeps one).
    /// `-EPERM` for the inherited streams, and the host's errno for an owner it refuses.
    static func fchown(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let fd = try process.fileChangingDescriptor(a[0], inherited: .EPERM)
        guard process.fileSystem.allowWrites else { return .error(.EACCES) }
        return SyscallResult(fd.changeOwner(user: UInt32(truncatingIfNeeded: a[1]), group: UInt32(truncatingIfNeeded: a[2])))
    }

    /// fchownat(dirfd, path, owner, group, flags): as fchown for a file of the root;
    /// AT_SYMLINK_NOFOLLOW changes a final symlink itself, AT_EMPTY_PATH with an empty path `dirfd`.
    static func fchownat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let flags = a[4]
        guard flags & ~(PathSyscalls.symlinkNoFollow | PathSyscalls.emptyPath) == 0 else { return .error(.EINVAL) }
        if flags & PathSyscalls.emptyPath != 0 {
            let path = a[1] == 0 ? "" : try process.pathArgument(a[1])
            if path.isEmpty { return try fchown(process, [a[0], a[2], a[3]]) }
        }
        let file = try resolve(process, dirfd: a[0], path: a[1], followLink: flags & PathSyscalls.symlinkNoFollow == 0)
        defer { file.close() }
        return SyscallResult(file.changeOwner(user: UInt32(truncatingIfNeeded: a[2]), group: UInt32(truncatingIfNeeded: a[3])))
    }

    // MARK: Resolving

    /// An O_PATH descriptor of the existing file `path` names in the root (the caller closes it):
    /// `-errno` when it does not resolve, then `-EACCES` without `allowWrites`.
    private static func resolve(_ process: Process, dirfd: UInt64, path address: UInt64,
                                followLink: Bool) throws(SyscallFailure) -> HostDescriptor {
        let path = try process.pathArgument(address)
        let base = try process.lookupBase(dirfd: dirfd, for: path)
        let fd = try process.fileSystem.openPath(path, from: base, followLink: followLink).orFail()
        guard process.fileSystem.allowWrites else {
            fd.close()
            throw SyscallFailure(.EACCES)
        }
        return fd
    }

    /// What a name must be before a call without `allowWrites` is refused with `-EACCES`.
    enum Refusal {
        /// It must exist (the source of a rename, `-ENOENT` otherwise).
        case existing
        /// It must not exist (`-EEXIST` otherwise).
        case creating
        /// Only its parent must resolve.
        case none
    }

    /// The parent directory (O_PATH, the caller closes it) and last component of `path`, for a call
    /// that acts on a name; a trailing slash stays on the name so that the host checks it as Linux
    /// does. `-EBUSY` for ".", ".." or the root (`-EEXIST` when creating); without `allowWrites`,
    /// the errno `refusal` calls for, else `-EACCES`.
    private static func parent(_ process: Process, dirfd: UInt64, path address: UInt64,
                               refusal: Refusal) throws(SyscallFailure) -> (directory: HostDescriptor, name: String) {
        let path = try process.pathArgument(address)
        let base = try process.lookupBase(dirfd: dirfd, for: path)
        let sandbox = process.fileSystem
        switch sandbox.openParent(path, from: base) {
        case .failed(let error):
            throw SyscallFailure(error)
        case .special:
            throw SyscallFailure(refusal == .creating ? .EEXIST : .EBUSY)
        case .found(let directory, let name, let trailingSlash):
            guard sandbox.allowWrites else {
                let exists = (try? directory.status(ofEntry: name).get()) != nil
                directory.close()
                if refusal == .existing, !exists { throw SyscallFailure(.ENOENT) }
                if refusal == .creating, exists { throw SyscallFailure(.EEXIST) }
                throw SyscallFailure(.EACCES)
            }
            return (directory, trailingSlash ? name + "/" : name)
        }
    }
}
