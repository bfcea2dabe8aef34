// What the file and signal handlers share: reading their arguments (descriptors, paths, dirfds)
// and copying structures, each failing with the `-errno` Linux returns.

extension SyscallFailure {
    /// `-errno`.
    init(_ errno: Errno) { self.init(SyscallResult.error(errno)) }
    /// `-EFAULT` for a bad pointer, the kill for RAM exhaustion.
    init(_ copy: UserCopyError) { self.init(IOSyscalls.failure(copy)) }
}

extension Process {
    /// The guest's descriptor argument `register`, as Linux's `int fd` sees it.
    static func descriptor(_ register: UInt64) -> Int64 { Int64(Int32(truncatingIfNeeded: register)) }

    /// The open entry for descriptor argument `register`, or `-EBADF`.
    func openEntry(_ register: UInt64) throws(SyscallFailure) -> FileTable.Entry {
        guard let entry = files[Process.descriptor(register)] else { throw SyscallFailure(.EBADF) }
        return entry
    }

    /// The host descriptor behind descriptor argument `register`, for a call that changes the file
    /// itself (ftruncate, pwrite64, utimensat of a descriptor). `-EBADF` when it is not open;
    /// `refusal` for tinyrv's inherited streams 0-2 and their copies, which the guest may only
    /// read and write as streams, never truncate, re-time or otherwise change.
    func fileChangingDescriptor(_ register: UInt64, inherited refusal: Errno) throws(SyscallFailure) -> HostDescriptor {
        let entry = try openEntry(register)
        if case .host = entry { throw SyscallFailure(refusal) }
        return entry.hostDescriptor
    }

    /// The NUL-terminated path at `address`; `-EFAULT` when unreadable, `-ENAMETOOLONG` past PATH_MAX.
    func pathArgument(_ address: UInt64) throws(SyscallFailure) -> String {
        switch copyInString(from: address) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(.killed(let kill)): throw SyscallFailure(.killed(kill))
        case .failure(.badAddress):
            throw SyscallFailure(isAccessible(address, count: UInt64(Process.maxStringLength), for: .load) ? .ENAMETOOLONG : .EFAULT)
        }
    }

    /// Where a relative `path` is looked up from for `dirfd` (AT_FDCWD or a directory
    /// descriptor, `LookupBase`). Absolute paths ignore `dirfd`. `-EBADF` for a descriptor that is
    /// not open, `-ENOTDIR` for one that is not a directory.
    func lookupBase(dirfd register: UInt64, for path: String) throws(SyscallFailure) -> LookupBase {
        let dirfd = Process.descriptor(register)
        if path.hasPrefix("/") || dirfd == Int64(FileSystemSandbox.currentDirectory) {
            return LookupBase(guestPath: fileSystem.workingDirectory)
        }
        guard let entry = files[dirfd] else { throw SyscallFailure(.EBADF) }
        guard case .owned(let fd) = entry, let directory = fileSystem.guestPath(ofDirectory: fd) else {
            throw SyscallFailure(.ENOTDIR)
        }
        return LookupBase(guestPath: directory, descriptor: fd)
    }

    /// Copies `bytes` to user memory at `address`; `-EFAULT` for a bad pointer.
    func copyOutArgument(_ bytes: [UInt8], to address: UInt64) throws(SyscallFailure) {
        if case .failure(let error) = copyOut(bytes, to: address) { throw SyscallFailure(error) }
    }

    /// Copies `count` bytes in from user memory at `address`; `-EFAULT` for a bad pointer.
    func copyInArgument(from address: UInt64, count: Int) throws(SyscallFailure) -> [UInt8] {
        switch copyIn(from: address, count: count) {
        case .success(let bytes): return bytes
        case .failure(let error): throw SyscallFailure(error)
        }
    }
}
