import Glibc

/// One `struct flock` (riscv64 and x86-64 share its 32-byte layout): the lock's type (F_RDLCK 0,
/// F_WRLCK 1, F_UNLCK 2), where its start counts from, start, length (0: to the end) and the pid
/// of a holder in the way (-1 for an open file description's lock).
/// The guest's bytes are read and written by `RecordLocks`.
struct HostRecordLock: Equatable {
    var type: Int16
    var whence: Int16
    var start: Int64
    var length: Int64
    var pid: Int32

    /// fcntl's F_OFD_GETLK and F_OFD_SETLK (Linux's numbers, which Glibc's module does not name).
    static let getOpenFileLock: Int32 = 36, setOpenFileLock: Int32 = 37

    /// The host's `struct flock` for it, with l_pid 0 as F_OFD_ commands require.
    var openFileRecord: flock {
        flock(l_type: type, l_whence: whence, l_start: off_t(start), l_len: off_t(length), l_pid: 0)
    }
}

extension HostRecordLock {
    /// The lock a host `struct flock` describes.
    init(_ record: flock) {
        self.init(type: record.l_type, whence: record.l_whence, start: Int64(record.l_start), length: Int64(record.l_len),
                  pid: record.l_pid)
    }
}

extension HostDescriptor {
    /// fcntl(F_OFD_SETLK): takes or drops `lock` for this open file description without waiting.
    /// EAGAIN when another open file holds a lock in the way, EBADF for a lock the access mode does
    /// not allow, EINVAL for a bad type, origin or range.
    func trySetRecordLock(_ lock: HostRecordLock) -> HostResult<Void> {
        var record = lock.openFileRecord
        return Host.retryingInterrupts { Glibc.fcntl(rawValue, HostRecordLock.setOpenFileLock, &record) }
    }

    /// fcntl(F_OFD_GETLK): the first lock that would stand in the way of `lock`, or `lock` with
    /// type F_UNLCK when none would.
    func recordLockInTheWay(of lock: HostRecordLock) -> HostResult<HostRecordLock> {
        var record = lock.openFileRecord
        return Host.retryingInterrupts { Glibc.fcntl(rawValue, HostRecordLock.getOpenFileLock, &record) }.map { _ in
            HostRecordLock(record)
        }
    }
}
