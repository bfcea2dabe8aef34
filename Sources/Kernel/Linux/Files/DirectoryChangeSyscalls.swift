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
        case .failed(let error):
            return .error(error)
        case .special(let name):
            if !isRemoveDirectory { return .error(.EISDIR) }
            if name.isEmpty { return .error(.EBUSY) }
            return .error(name == "." ? .EINVAL : .ENOTEMPTY)
        case .found(let directory, let name, let trailingSlash):
            defer { directory.close() }
            if !isRemoveDirectory, trailingSlash {
                return .error(try directory.status(ofEntry: name).orFail().type == .directory ? .EISDIR : .ENOTDIR)
            }
            return SyscallResult(directory.removeEntry(named: name, isDirectory: isRemoveDirectory))
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
            if case .success(let existing) = sandbox.openPath(path, from: base, followLink: false) {
                existing.close()
                return .error(.EEXIST)
            }
            switch sandbox.openParent(path, from: base) {
            case .failed(let error): return .error(error)
            case .found(let directory, _, _): directory.close()
            case .special: break
            }
            return .error(.EACCES)
        }
        switch sandbox.openParent(path, from: base) {
        case .failed(let error):
            return .error(error)
        case .special:
            return .error(.EEXIST)
        case .found(let directory, let name, _):
            defer { directory.close() }
            return SyscallResult(directory.makeDirectory(named: name, mode: UInt32(a[2] & 0o7777 & ~process.fileCreationMask)))
        }
    }

    /// The answer to a removal refused for want of `allowWrites`: the errno of resolving `path`
    /// when that fails, else `-EACCES`.
    private static func refused(_ sandbox: FileSystemSandbox, path: String, base: LookupBase) -> SyscallResult {
        switch sandbox.openPath(path, from: base, followLink: false) {
        case .success(let file): file.close()
        case .failure(let error): return .error(error)
        }
        return .error(.EACCES)
    }
}
