/// The open(2) status flags as riscv64 Linux defines them (asm-generic/fcntl.h);
/// `HostOpenFlags(guest:)` and `HostOpenFlags.guest` translate them to and from the host's.
enum OpenFlags {
    static let accessModeMask: UInt64 = 0o3
    static let writeOnly: UInt64 = 0o1, readWrite: UInt64 = 0o2
    static let create: UInt64 = 0o100, exclusive: UInt64 = 0o200, noControllingTerminal: UInt64 = 0o400
    static let truncate: UInt64 = 0o1000, append: UInt64 = 0o2000, nonBlocking: UInt64 = 0o4000
    static let dataSync: UInt64 = 0o1_0000, async: UInt64 = 0o2_0000, direct: UInt64 = 0o4_0000
    static let largeFile: UInt64 = 0o10_0000, directory: UInt64 = 0o20_0000, noFollow: UInt64 = 0o40_0000
    static let noAccessTime: UInt64 = 0o100_0000, closeOnExec: UInt64 = 0o200_0000
    /// `__O_SYNC` (O_SYNC is this bit plus O_DSYNC), `O_PATH` and `__O_TMPFILE` (O_TMPFILE adds O_DIRECTORY).
    static let syncBit: UInt64 = 0o400_0000, path: UInt64 = 0o1000_0000, temporaryFileBit: UInt64 = 0o2000_0000

    /// The flags F_SETFL may change (Linux's SETFL_MASK).
    static let changeableByFcntl: UInt64 = append | nonBlocking | async | direct | noAccessTime

    /// True when `flags` ask to change the file system: an access mode other than read-only, or
    /// O_CREAT, O_TRUNC or O_TMPFILE.
    static func wantsWrite(_ flags: UInt64) -> Bool {
        flags & accessModeMask != 0 || flags & (create | truncate | temporaryFileBit) != 0
    }
}
