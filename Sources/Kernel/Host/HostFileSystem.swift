import CHostSys
import Glibc

/// What fstatfs(2) says about the file system holding a file (the host's `struct statfs`).
struct HostFileSystemStatus: Sendable {
    /// The file system's magic number (f_type).
    let type: UInt64
    let blockSize: UInt64
    let blocks: UInt64
    let freeBlocks: UInt64
    /// Free blocks an unprivileged user may use.
    let availableBlocks: UInt64
    let files: UInt64
    let freeFiles: UInt64
    /// f_fsid's two ints.
    let identifier: (UInt32, UInt32)
    let maximumNameLength: UInt64
    let fragmentSize: UInt64
    /// The mount flags (ST_RDONLY, ST_NOSUID, ...).
    let mountFlags: UInt64
}

/// flock(2)'s operations.
enum HostLockOperation: Sendable {
    case shared, exclusive, unlock

    fileprivate var rawValue: Int32 {
        switch self {
        case .shared: return LOCK_SH
        case .exclusive: return LOCK_EX
        case .unlock: return LOCK_UN
        }
    }
}

extension HostDescriptor {
    /// fstatfs(2): the status of the file system holding the open file.
    func fileSystemStatus() -> HostResult<HostFileSystemStatus> {
        var fields = [UInt64](repeating: 0, count: 12)
        return Host.retryingShim { tinyrv_fstatfs(rawValue, &fields) }.map {
            HostFileSystemStatus(type: fields[0], blockSize: fields[1], blocks: fields[2], freeBlocks: fields[3],
                                 availableBlocks: fields[4], files: fields[5], freeFiles: fields[6],
                                 identifier: (UInt32(truncatingIfNeeded: fields[7]), UInt32(truncatingIfNeeded: fields[8])),
                                 maximumNameLength: fields[9], fragmentSize: fields[10], mountFlags: fields[11])
        }
    }

    /// syncfs(2): the file system holding the open file reaches the disk.
    func synchronizeFileSystem() -> HostResult<Void> {
        Host.retryingShim { tinyrv_syncfs(rawValue) }
    }

    /// flock(2) with LOCK_NB: takes, changes or drops the advisory lock of the open file without
    /// ever waiting. EAGAIN (EWOULDBLOCK) when another open file holds a lock in the way.
    func tryLock(_ operation: HostLockOperation) -> HostResult<Void> {
        Host.retryingShim { tinyrv_flock(rawValue, operation.rawValue | LOCK_NB) }
    }

    /// posix_fallocate(3): makes the file, open for writing, at least `offset + length` bytes
    /// long, with blocks reserved for them.
    func allocate(offset: Int64, length: Int64) -> HostResult<Void> {
        while true {
            let error = posix_fallocate(rawValue, off_t(offset), off_t(length))
            if error == 0 { return .success(()) }
            if error != EINTR { return .failure(Errno(rawValue: Int64(error)) ?? .EIO) }
        }
    }
}
