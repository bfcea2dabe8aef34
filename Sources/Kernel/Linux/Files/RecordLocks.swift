/// fcntl's record locks (F_GETLK, F_SETLK, F_SETLKW and the F_OFD_ forms, `DescriptorSyscalls.fcntl`).
/// All guest processes live in one host process, whose own POSIX locks could never keep one guest
/// process from another, so every lock is a host lock of an open file description (F_OFD_*): for
/// the F_OFD_ forms the descriptor's own, for POSIX locks the descriptor table's one lock owner of
/// the file (`FileTable.lockOwner`), which gives Linux's rules: a process's locks never conflict
/// with each other, another process's do, and closing any descriptor of the file drops them. A
/// waiting form in the way blocks the task, tried again every
/// `FileSystemSyscalls.lockRetryNanoseconds`, never blocking tinyrv. F_GETLK cannot name the
/// holder: l_pid is -1.
enum RecordLocks {
    /// fcntl's lock commands (asm-generic).
    static let getLock: UInt64 = 5, setLock: UInt64 = 6, setLockWaiting: UInt64 = 7
    static let getOpenFileLock: UInt64 = 36, setOpenFileLock: UInt64 = 37, setOpenFileLockWaiting: UInt64 = 38
    static let commands: Set<UInt64> = [getLock, setLock, setLockWaiting, getOpenFileLock, setOpenFileLock, setOpenFileLockWaiting]
    /// F_RDLCK and F_WRLCK.
    static let readLock: Int16 = 0, writeLock: Int16 = 1

    /// fcntl(fd, command, lock) for a lock `command`: asks for the lock in the way (F_GETLK: written
    /// back, F_UNLCK when none is), or takes or drops the lock at `address`. `-EFAULT` for a bad
    /// `address`, `-EINVAL` for a bad type, origin or range, or an F_OFD_ lock with a pid, `-EBADF`
    /// for a lock the access mode does not allow, `-EAGAIN` for F_SETLK in the way.
    static func fcntl(_ process: Process, _ entry: FileTable.Entry, command: UInt64, address: UInt64) throws(SyscallFailure) -> SyscallResult {
        var lock = HostRecordLock(bytes: try process.copyInArgument(from: address, count: HostRecordLock.byteSize))
        let openFileForm = command == getOpenFileLock || command == setOpenFileLock || command == setOpenFileLockWaiting
        if openFileForm {
            guard lock.pid == 0 else { return .error(.EINVAL) }
        } else {
            lock.pid = 0
        }
        if !openFileForm, lock.type == writeLock || lock.type == readLock {
            let mode = try entry.hostDescriptor.statusFlags().orFail()
            guard lock.type == writeLock ? mode.allowsWriting : mode.allowsReading else { return .error(.EBADF) }
        }
        let fd = openFileForm ? entry.hostDescriptor : try process.files.lockOwner(for: entry.hostDescriptor).orFail()
        if command == getLock || command == getOpenFileLock {
            try process.copyOutArgument(try fd.recordLockInTheWay(of: lock).orFail().bytes, to: address)
            return .value(0)
        }
        let taken = fd.trySetRecordLock(lock)
        guard case .failure(.EAGAIN) = taken, command == setLockWaiting || command == setOpenFileLockWaiting else {
            return SyscallResult(taken)
        }
        return .block(.until(Host.monotonicNow() &+ FileSystemSyscalls.lockRetryNanoseconds))
    }
}

extension HostRecordLock {
    /// The lock in its 32 guest bytes (type, origin, 4 bytes of padding, start, length, pid).
    /// Precondition: `bytes` holds `byteSize` bytes.
    init(bytes: [UInt8]) {
        let head = GuestBytes.word(bytes, at: 0)
        self.init(type: Int16(truncatingIfNeeded: head), whence: Int16(truncatingIfNeeded: head >> 16),
                  start: Int64(bitPattern: GuestBytes.word(bytes, at: 8)), length: Int64(bitPattern: GuestBytes.word(bytes, at: 16)),
                  pid: Int32(bitPattern: GuestBytes.word32(bytes, at: 24)))
    }

    var bytes: [UInt8] {
        let head = UInt64(UInt16(bitPattern: type)) | UInt64(UInt16(bitPattern: whence)) << 16
        return GuestBytes.words(head, UInt64(bitPattern: start), UInt64(bitPattern: length), UInt64(UInt32(bitPattern: pid)))
    }

    static let byteSize = 32
}
