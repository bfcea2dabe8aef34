/// unlinkat, mkdirat and mknodat: changes to the sandbox's tree, allowed only with `allowWrites`
/// (`--fs-write`); otherwise `-EACCES` once the path has been resolved, as `FileSystemSandbox`
/// describes. Each acts on one name inside an O_PATH descriptor of its parent directory, so it can
/// never touch anything outside the root.
enum DirectoryChangeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(35, "unlinkat", [.decimal, .string, .hex], unlinkat),
        SyscallDefinition(34, "mkdirat", [.decimal, .string, .hex], mkdirat),
        SyscallDefinition(33, "mknodat", [.decimal, .string, .hex, .hex], mknodat),
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
    /// (`Process.fileCreationMask`), then the host's. Errors as `create`'s.
    static func mkdirat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        try create(process, dirfd: a[0], path: a[1]) { directory, name in
            directory.makeDirectory(named: name, mode: UInt32(a[2] & 0o7777 & ~process.fileCreationMask))
        }
    }

    /// The file types of mknod's mode (S_IFMT and its values).
    static let typeMask: UInt64 = 0o170000, regularType: UInt64 = 0o100000, fifoType: UInt64 = 0o010000
    static let characterDeviceType: UInt64 = 0o020000, blockDeviceType: UInt64 = 0o060000
    static let directoryType: UInt64 = 0o040000, socketType: UInt64 = 0o140000

    /// mknodat(dirfd, path, mode, dev): creates an empty regular file (type 0 or S_IFREG) or a FIFO
    /// (S_IFIFO), whose mode loses the umask as mkdirat's. Devices and sockets are `-EPERM` (the
    /// sandbox makes no device nodes), as is S_IFDIR (Linux's answer); another type is `-EINVAL`.
    /// Errors as `create`'s.
    static func mknodat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let permissions = UInt32(a[2] & 0o7777 & ~process.fileCreationMask)
        switch a[2] & typeMask {
        case 0, regularType:
            return try create(process, dirfd: a[0], path: a[1]) { directory, name in
                directory.open(name, flags: [.create, .exclusive, .writeOnly], mode: permissions).map { $0.close() }
            }
        case fifoType:
            return try create(process, dirfd: a[0], path: a[1]) { directory, name in
                directory.makeFifo(named: name, mode: permissions)
            }
        case characterDeviceType, blockDeviceType, socketType, directoryType:
            return .error(.EPERM)
        default:
            return .error(.EINVAL)
        }
    }

    /// Creates a new name with `make` in the O_PATH descriptor of the parent directory of `path`.
    /// `-EEXIST` when the name exists (also without `allowWrites`), `-ENOENT` for a missing parent,
    /// `-EACCES` without `allowWrites` once the path resolves.
    private static func create(_ process: Process, dirfd: UInt64, path address: UInt64,
                               _ make: (HostDescriptor, String) -> HostResult<Void>) throws(SyscallFailure) -> SyscallResult {
        let path = try process.pathArgument(address)
        let base = try process.lookupBase(dirfd: dirfd, for: path)
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
            return SyscallResult(make(directory, name))
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
