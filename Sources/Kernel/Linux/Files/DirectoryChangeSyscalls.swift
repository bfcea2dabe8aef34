import Glibc

/// unlinkat and mkdirat: changes to the sandbox's tree, allowed only with `allowWrites`
/// (`--fs-write`); otherwise `-EACCES` once the path has been resolved, as `FileSystemSandbox`
/// describes. Each acts on one name inside an O_PATH descriptor of its parent directory, so it can
/// never touch anything outside the root.
enum DirectoryChangeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(35, "unlinkat", [.decimal, .string, .hex], unlinkat),
        SyscallDefinition(34, "mkdirat", [.decimal, .string, .hex], mkdirat),
    ]

    /// Linux's AT_REMOVEDIR.
    static let removeDirectory: UInt64 = 0x200

    /// unlinkat(dirfd, path, flags): removes a file, or with AT_REMOVEDIR an empty directory.
    /// Like Linux: `-EISDIR` for unlinking a directory, `-ENOTDIR` for a file named with a trailing
    /// slash, `-EINVAL` for rmdir of ".", `-ENOTEMPTY` for "..", `-EBUSY` for the root.
    static func unlinkat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[2] & ~removeDirectory == 0 else { return .error(.EINVAL) }
        let path = try process.pathArgument(a[1])
        let base = try process.lookupBase(dirfd: a[0], for: path)
        let sandbox = process.fileSystem
        let isRemoveDirectory = a[2] != 0
        guard sandbox.allowWrites else { return refused(sandbox, path: path, base: base) }
        switch sandbox.openParent(path, from: base) {
        case .failed(let errno):
            return .value(Int64(errno))
        case .special(let name):
            if !isRemoveDirectory { return .error(.EISDIR) }
            if name.isEmpty { return .error(.EBUSY) }
            return .error(name == "." ? .EINVAL : .ENOTEMPTY)
        case .found(let directory, let name, let trailingSlash):
            defer { close(directory) }
            if !isRemoveDirectory, trailingSlash {
                var host = stat()
                guard fstatat(directory, name, &host, AT_SYMLINK_NOFOLLOW) == 0 else { return .value(-Int64(errno)) }
                return .error(host.st_mode & S_IFMT == S_IFDIR ? .EISDIR : .ENOTDIR)
            }
            let removed = Glibc.unlinkat(directory, name, isRemoveDirectory ? AT_REMOVEDIR : 0)
            return .value(removed < 0 ? -Int64(errno) : 0)
        }
    }

    /// mkdirat(dirfd, path, mode): creates a directory; the mode loses the guest's umask
    /// (`Process.fileCreationMask`), then the host's. `-EEXIST` when
    /// the name exists (also without `allowWrites`), `-ENOENT` for a missing parent.
    static func mkdirat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let path = try process.pathArgument(a[1])
        let base = try process.lookupBase(dirfd: a[0], for: path)
        let sandbox = process.fileSystem
        guard sandbox.allowWrites else {
            let existing = sandbox.openPath(path, from: base, followLink: false)
            guard existing < 0 else {
                close(existing)
                return .error(.EEXIST)
            }
            switch sandbox.openParent(path, from: base) {
            case .failed(let errno): return .value(Int64(errno))
            case .found(let directory, _, _): close(directory)
            case .special: break
            }
            return .error(.EACCES)
        }
        switch sandbox.openParent(path, from: base) {
        case .failed(let errno):
            return .value(Int64(errno))
        case .special:
            return .error(.EEXIST)
        case .found(let directory, let name, _):
            defer { close(directory) }
            let made = Glibc.mkdirat(directory, name, mode_t(a[2] & 0o7777 & ~process.fileCreationMask))
            return .value(made < 0 ? -Int64(errno) : 0)
        }
    }

    /// The answer to a removal refused for want of `allowWrites`: the errno of resolving `path`
    /// when that fails, else `-EACCES`.
    private static func refused(_ sandbox: FileSystemSandbox, path: String, base: LookupBase) -> SyscallResult {
        let fd = sandbox.openPath(path, from: base, followLink: false)
        guard fd >= 0 else { return .value(Int64(fd)) }
        close(fd)
        return .error(.EACCES)
    }
}
