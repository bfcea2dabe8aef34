import Glibc

/// What fstat(2) says about a host file (the host's `struct stat`), in Swift types. The guest's
/// `struct stat` and `struct statx` are built from this (FileStatusSyscalls, StatxSyscalls).
struct HostFileStatus: Equatable, Sendable {
    /// A file's type: the S_IFMT bits of `mode`.
    enum FileType: Equatable, Sendable {
        case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket
    }

    /// A time as seconds and nanoseconds since the epoch.
    struct Time: Equatable, Sendable {
        let seconds: Int64
        let nanoseconds: Int64
    }

    let device: UInt64
    let inode: UInt64
    /// The type and permission bits (S_IFMT | 0o7777), as Linux and the guest share them.
    let mode: UInt32
    let linkCount: UInt64
    let userID: UInt32
    let groupID: UInt32
    /// The device a character or block special file stands for.
    let specialDevice: UInt64
    let size: Int64
    let blockSize: Int64
    let blocks: Int64
    let accessTime: Time
    let modificationTime: Time
    let changeTime: Time

    init(_ s: stat) {
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        mode = UInt32(s.st_mode)
        linkCount = UInt64(s.st_nlink)
        userID = UInt32(s.st_uid)
        groupID = UInt32(s.st_gid)
        specialDevice = UInt64(s.st_rdev)
        size = Int64(s.st_size)
        blockSize = Int64(s.st_blksize)
        blocks = Int64(s.st_blocks)
        accessTime = Time(seconds: Int64(s.st_atim.tv_sec), nanoseconds: Int64(s.st_atim.tv_nsec))
        modificationTime = Time(seconds: Int64(s.st_mtim.tv_sec), nanoseconds: Int64(s.st_mtim.tv_nsec))
        changeTime = Time(seconds: Int64(s.st_ctim.tv_sec), nanoseconds: Int64(s.st_ctim.tv_nsec))
    }

    /// The file's type; nil for S_IFMT bits Linux does not define.
    var type: FileType? {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): return .regular
        case UInt32(S_IFDIR): return .directory
        case UInt32(S_IFLNK): return .symbolicLink
        case UInt32(S_IFCHR): return .characterDevice
        case UInt32(S_IFBLK): return .blockDevice
        case UInt32(S_IFIFO): return .fifo
        case UInt32(S_IFSOCK): return .socket
        default: return nil
        }
    }

    /// Whether `other` is the same file (device and inode).
    func isSameFile(as other: HostFileStatus) -> Bool { device == other.device && inode == other.inode }
}

extension HostDescriptor {
    /// fstat(2).
    func status() -> HostResult<HostFileStatus> {
        var s = stat()
        return Host.retryingInterrupts { Glibc.fstat(rawValue, &s) }.map { HostFileStatus(s) }
    }
}

extension HostDescriptor {
    /// fstatat(2) of `name` in this directory, not following a final symlink (AT_SYMLINK_NOFOLLOW).
    func status(ofEntry name: String) -> HostResult<HostFileStatus> {
        var s = stat()
        return Host.retryingInterrupts { Glibc.fstatat(rawValue, name, &s, AT_SYMLINK_NOFOLLOW) }.map { HostFileStatus(s) }
    }
}
