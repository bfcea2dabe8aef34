#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The guest's `open` flags (asm-generic, riscv64) translated to the host's, bit by bit.
enum OpenFlags {
    private static let table: [(guest: UInt64, host: Int32)] = [
        (0o1, O_WRONLY), (0o2, O_RDWR), (0o100, O_CREAT), (0o200, O_EXCL), (0o400, O_NOCTTY),
        (0o1000, O_TRUNC), (0o2000, O_APPEND), (0o4000, O_NONBLOCK), (0o200000, O_DIRECTORY),
        (0o400000, O_NOFOLLOW), (0o2000000, O_CLOEXEC), (0o10000000, FileSandbox.openPathOnly),
    ]
    /// Guest bits accepted and ignored: O_LARGEFILE (always on for 64-bit), O_DSYNC/O_SYNC, O_NOATIME.
    private static let ignored: UInt64 = 0o100000 | 0o10000 | 0o4000000 | 0o1000000

    /// The host flags, or nil when the guest used a bit tinyrv does not support (O_TMPFILE, ...).
    static func host(fromGuest flags: UInt64) -> Int32? {
        var result: Int32 = 0
        var rest = flags & ~ignored
        for (guest, host) in table where rest & guest != 0 {
            result |= host
            rest &= ~guest
        }
        return rest == 0 ? result : nil
    }

    /// The guest's F_GETFL value for host status flags: the access mode, O_APPEND and O_NONBLOCK,
    /// with O_LARGEFILE set as a 64-bit Linux kernel always reports it.
    static func guest(fromHost flags: Int32) -> UInt64 {
        var result: UInt64 = 0o100000
        switch flags & O_ACCMODE {
        case O_WRONLY: result |= 0o1
        case O_RDWR: result |= 0o2
        default: break
        }
        if flags & O_APPEND != 0 { result |= 0o2000 }
        if flags & O_NONBLOCK != 0 { result |= 0o4000 }
        return result
    }
}
