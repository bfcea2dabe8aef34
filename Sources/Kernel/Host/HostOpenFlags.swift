import CHostSys
import Glibc

/// open(2)'s flags as the host defines them: what host files are opened with, and what F_GETFL and
/// F_SETFL read and write. The access mode is the low two bits (`accessMode`): read-only is none.
struct HostOpenFlags: OptionSet, Hashable, Sendable {
    let rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }

    static let readOnly: HostOpenFlags = []
    static let writeOnly = HostOpenFlags(rawValue: O_WRONLY)
    static let readWrite = HostOpenFlags(rawValue: O_RDWR)
    static let create = HostOpenFlags(rawValue: O_CREAT)
    static let exclusive = HostOpenFlags(rawValue: O_EXCL)
    static let noControllingTerminal = HostOpenFlags(rawValue: O_NOCTTY)
    static let truncate = HostOpenFlags(rawValue: O_TRUNC)
    static let append = HostOpenFlags(rawValue: O_APPEND)
    static let nonBlocking = HostOpenFlags(rawValue: O_NONBLOCK)
    static let dataSync = HostOpenFlags(rawValue: O_DSYNC)
    /// O_SYNC, which holds O_DSYNC's bit too.
    static let sync = HostOpenFlags(rawValue: O_SYNC)
    static let async = HostOpenFlags(rawValue: O_ASYNC)
    static let direct = HostOpenFlags(rawValue: tinyrv_host_O_DIRECT)
    /// The kernel's O_LARGEFILE bit, which F_GETFL reports (glibc's constant is 0 on 64-bit hosts).
    static let largeFile = HostOpenFlags(rawValue: tinyrv_host_O_LARGEFILE)
    static let directory = HostOpenFlags(rawValue: O_DIRECTORY)
    static let noFollow = HostOpenFlags(rawValue: O_NOFOLLOW)
    static let noAccessTime = HostOpenFlags(rawValue: tinyrv_host_O_NOATIME)
    static let closeOnExec = HostOpenFlags(rawValue: O_CLOEXEC)
    /// O_PATH: a descriptor that only names a file (for *at lookups, fstat, /proc/self/fd paths).
    static let path = HostOpenFlags(rawValue: tinyrv_host_O_PATH)
    /// O_TMPFILE, which holds O_DIRECTORY's bit too: an unnamed file in the directory opened.
    static let temporaryFile = HostOpenFlags(rawValue: tinyrv_host_O_TMPFILE)

    /// The access mode alone (O_ACCMODE's bits): `.readOnly`, `.writeOnly` or `.readWrite`.
    var accessMode: HostOpenFlags { HostOpenFlags(rawValue: rawValue & O_ACCMODE) }

    /// True unless the access mode is write-only.
    var allowsReading: Bool { accessMode != .writeOnly }

    /// True unless the access mode is read-only.
    var allowsWriting: Bool { accessMode != .readOnly }

    /// True when an open with these flags may create a file (O_CREAT, O_TMPFILE).
    var creates: Bool { contains(.create) || contains(.temporaryFile) }

    /// True when an open with these flags may change the file system: `creates`, O_TRUNC, or an
    /// access mode other than read-only.
    var changesFiles: Bool { creates || contains(.truncate) || allowsWriting }
}

extension HostOpenFlags {
    /// Each flag of the guest (`OpenFlags`, asm-generic's numbers) with the host bits that mean the
    /// same. O_SYNC and O_TMPFILE are pairs of guest bits; each pair member maps to its own bit.
    private static let guestBits: [(guest: UInt64, host: Int32)] = [
        (OpenFlags.create, O_CREAT), (OpenFlags.exclusive, O_EXCL), (OpenFlags.noControllingTerminal, O_NOCTTY),
        (OpenFlags.truncate, O_TRUNC), (OpenFlags.append, O_APPEND), (OpenFlags.nonBlocking, O_NONBLOCK),
        (OpenFlags.dataSync, O_DSYNC), (OpenFlags.async, O_ASYNC), (OpenFlags.direct, tinyrv_host_O_DIRECT),
        (OpenFlags.largeFile, tinyrv_host_O_LARGEFILE), (OpenFlags.directory, O_DIRECTORY),
        (OpenFlags.noFollow, O_NOFOLLOW), (OpenFlags.noAccessTime, tinyrv_host_O_NOATIME),
        (OpenFlags.closeOnExec, O_CLOEXEC), (OpenFlags.syncBit, O_SYNC & ~O_DSYNC), (OpenFlags.path, tinyrv_host_O_PATH),
        (OpenFlags.temporaryFileBit, tinyrv_host_O_TMPFILE & ~O_DIRECTORY),
    ]

    /// The host flags for guest open flags `flags`; the access mode is the same on both sides, and
    /// bits neither side knows are dropped (as Linux's openat ignores unknown flags).
    init(guest flags: UInt64) {
        self.init(rawValue: HostOpenFlags.guestBits.reduce(Int32(flags & OpenFlags.accessModeMask)) {
            flags & $1.guest != 0 ? $0 | $1.host : $0
        })
    }

    /// The guest's open flags for these (what the guest's F_GETFL reports).
    var guest: UInt64 {
        HostOpenFlags.guestBits.reduce(UInt64(rawValue) & OpenFlags.accessModeMask) {
            rawValue & $1.host == $1.host ? $0 | $1.guest : $0
        }
    }
}
