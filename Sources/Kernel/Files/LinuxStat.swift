#if canImport(Glibc)
import Glibc
#endif

/// riscv64 Linux's `struct stat` (asm-generic/stat.h), the 128 bytes newfstatat and fstat fill:
///
/// | offset | field | | offset | field |
/// | --- | --- | --- | --- | --- |
/// | 0 | st_dev u64 | | 56 | st_blksize i32 (+ 4 pad) |
/// | 8 | st_ino u64 | | 64 | st_blocks i64 |
/// | 16 | st_mode u32 | | 72 | st_atime, st_atime_nsec i64 |
/// | 20 | st_nlink u32 | | 88 | st_mtime, st_mtime_nsec i64 |
/// | 24 | st_uid u32, 28 st_gid u32 | | 104 | st_ctime, st_ctime_nsec i64 |
/// | 32 | st_rdev u64 (+ 8 pad) | | 120 | two unused i32 |
/// | 48 | st_size i64 | | | |
struct LinuxStat: Equatable {
    static let size = 128

    var device: UInt64 = 0
    var inode: UInt64 = 0
    var mode: UInt32 = 0
    var linkCount: UInt32 = 0
    var userID: UInt32 = 0
    var groupID: UInt32 = 0
    var specialDevice: UInt64 = 0
    var size: Int64 = 0
    var blockSize: Int32 = 0
    var blocks: Int64 = 0
    var accessTime = Timestamp()
    var modificationTime = Timestamp()
    var changeTime = Timestamp()

    struct Timestamp: Equatable {
        var seconds: Int64 = 0
        var nanoseconds: Int64 = 0
    }

    init() {}

    /// The host's `stat` of a file, field by field (the host's layout differs; the values do not).
    init(host: stat) {
        device = UInt64(host.st_dev)
        inode = UInt64(host.st_ino)
        mode = UInt32(host.st_mode)
        linkCount = UInt32(truncatingIfNeeded: host.st_nlink)
        userID = UInt32(host.st_uid)
        groupID = UInt32(host.st_gid)
        specialDevice = UInt64(host.st_rdev)
        size = Int64(host.st_size)
        blockSize = Int32(truncatingIfNeeded: host.st_blksize)
        blocks = Int64(host.st_blocks)
        accessTime = Timestamp(seconds: Int64(host.st_atim.tv_sec), nanoseconds: Int64(host.st_atim.tv_nsec))
        modificationTime = Timestamp(seconds: Int64(host.st_mtim.tv_sec), nanoseconds: Int64(host.st_mtim.tv_nsec))
        changeTime = Timestamp(seconds: Int64(host.st_ctim.tv_sec), nanoseconds: Int64(host.st_ctim.tv_nsec))
    }

    /// The 128 bytes the guest sees, padding zero.
    var bytes: [UInt8] {
        var out = LittleEndian.bytes(device) + LittleEndian.bytes(inode)
        out += LittleEndian.bytes(mode) + LittleEndian.bytes(linkCount)
        out += LittleEndian.bytes(userID) + LittleEndian.bytes(groupID)
        out += LittleEndian.bytes(specialDevice) + LittleEndian.bytes(UInt64(0))
        out += LittleEndian.bytes(size) + LittleEndian.bytes(blockSize) + LittleEndian.bytes(Int32(0))
        out += LittleEndian.bytes(blocks)
        for time in [accessTime, modificationTime, changeTime] {
            out += LittleEndian.bytes(time.seconds) + LittleEndian.bytes(time.nanoseconds)
        }
        out += [UInt8](repeating: 0, count: 8)
        precondition(out.count == LinuxStat.size, "struct stat packs to 128 bytes")
        return out
    }

    /// fstat(2) of a host descriptor: the stat or `-errno`.
    static func of(hostDescriptor fd: Int32) -> Result<LinuxStat, SyscallFailure> {
        var host = stat()
        guard fstat(fd, &host) == 0 else { return .failure(SyscallFailure(hostResult: -Int64(errno))) }
        return .success(LinuxStat(host: host))
    }
}
