/// statx: newfstatat's answers in `struct statx`, which coreutils (ls, stat, cp...) use.
enum StatxSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(291, "statx", [.decimal, .string, .hex, .hex, .hex], statx),
    ]

    /// STATX_BASIC_STATS: type, mode, nlink, uid, gid, atime, mtime, ctime, ino, size, blocks.
    static let basicStats: UInt32 = 0x7ff
    /// AT_STATX_SYNC_TYPE's bits (FORCE_SYNC, DONT_SYNC): accepted, meaningless here.
    static let syncTypeMask: UInt64 = 0x6000
    /// The size of `struct statx`.
    static let structSize = 256

    /// statx(dirfd, path, flags, mask, buf): the file's status as newfstatat finds it (AT_EMPTY_PATH,
    /// AT_SYMLINK_NOFOLLOW and the sync flags as there), reported with STATX_BASIC_STATS whatever the
    /// mask asks (Linux may return more or fewer fields than asked). No birth time. `-EINVAL` for unknown
    /// flags or a mask with the reserved bit 31, `-EFAULT` for bad pointers.
    static func statx(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let flags = a[2]
        guard flags & ~(PathSyscalls.symlinkNoFollow | PathSyscalls.noAutomount | PathSyscalls.emptyPath | syncTypeMask) == 0,
              a[3] & 0x8000_0000 == 0 else { return .error(.EINVAL) }
        let status = try PathSyscalls.withTarget(process, dirfd: a[0], path: a[1], flags: flags) { $0.status() }.orFail()
        try process.copyOutArgument(layout(status), to: a[4])
        return .value(0)
    }

    /// `struct statx` for `s`, little-endian, 256 bytes.
    static func layout(_ s: HostFileStatus) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: structSize)
        func put(_ value: UInt64, at offset: Int, size: Int) {
            for i in 0..<size { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        func time(_ time: HostFileStatus.Time, at offset: Int) {
            put(UInt64(bitPattern: time.seconds), at: offset, size: 8)
            put(UInt64(bitPattern: time.nanoseconds), at: offset + 8, size: 4)
        }
        put(UInt64(basicStats), at: 0, size: 4)
        put(UInt64(bitPattern: s.blockSize), at: 4, size: 4)
        put(s.linkCount, at: 16, size: 4)
        put(UInt64(s.userID), at: 20, size: 4)
        put(UInt64(s.groupID), at: 24, size: 4)
        put(UInt64(s.mode), at: 28, size: 2)
        put(s.inode, at: 32, size: 8)
        put(UInt64(bitPattern: s.size), at: 40, size: 8)
        put(UInt64(bitPattern: s.blocks), at: 48, size: 8)
        time(s.accessTime, at: 64)
        time(s.changeTime, at: 96)
        time(s.modificationTime, at: 112)
        let (rdevMajor, rdevMinor) = split(s.specialDevice)
        let (devMajor, devMinor) = split(s.device)
        put(rdevMajor, at: 128, size: 4)
        put(rdevMinor, at: 132, size: 4)
        put(devMajor, at: 136, size: 4)
        put(devMinor, at: 140, size: 4)
        return bytes
    }

    /// Linux's `dev_t` as (major, minor).
    static func split(_ device: UInt64) -> (UInt64, UInt64) {
        (((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff), (device & 0xff) | ((device >> 12) & ~0xff))
    }
}
