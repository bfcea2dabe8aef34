/// What the guest may learn about its files: ioctl (terminal queries), fstat, newfstatat; and close, close_range.
enum FileStatusSyscalls {
    /// asm-generic ioctl requests (the same numbers on the host).
    static let tcgets: UInt64 = 0x5401, tiocgwinsz: UInt64 = 0x5413, fionread: UInt64 = 0x541b, fionbio: UInt64 = 0x5421
    static let fionclex: UInt64 = 0x5450, fioclex: UInt64 = 0x5451
    /// Bytes of the kernel's `struct termios` and `struct winsize`.
    static let termiosSize = 36, winsizeSize = 8

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(29, "ioctl", [.decimal, .hex, .hex], ioctl),
        SyscallDefinition(80, "fstat", [.decimal, .hex]) { process, a in
            fstat(process, fd: a[0], buffer: a[1])
        },
        SyscallDefinition(79, "newfstatat", [.decimal, .string, .hex, .hex], PathSyscalls.newfstatat),
        SyscallDefinition(57, "close", [.decimal]) { process, a in
            process.files.close(Process.descriptor(a[0])) ? .value(0) : .error(.EBADF)
        },
        SyscallDefinition(436, "close_range", [.decimal, .decimal, .hex], closeRange),
    ]

    /// close_range's CLOSE_RANGE_UNSHARE (a no-op: each process has its own table) and
    /// CLOSE_RANGE_CLOEXEC (set FD_CLOEXEC instead of closing).
    static let closeRangeUnshare: UInt64 = 2, closeRangeCloseOnExec: UInt64 = 4

    /// close_range(first, last, flags): closes (or, with CLOSE_RANGE_CLOEXEC, marks close-on-exec)
    /// every open descriptor from `first` to `last` (unsigned ints). `-EINVAL` for `first > last`
    /// or another flag.
    static func closeRange(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let first = a[0] & 0xffff_ffff, last = a[1] & 0xffff_ffff
        guard first <= last, a[2] & ~(closeRangeUnshare | closeRangeCloseOnExec) == 0 else { return .error(.EINVAL) }
        for fd in process.files.openDescriptors where UInt64(fd) >= first && UInt64(fd) <= last {
            if a[2] & closeRangeCloseOnExec != 0 {
                process.fileSystem.setCloseOnExec(true, for: fd)
            } else {
                _ = process.files.close(Int64(fd))
            }
        }
        return .value(0)
    }

    /// ioctl(fd, request, arg): TCGETS, TIOCGWINSZ and FIONREAD are asked of the host descriptor,
    /// so isatty tells the truth; FIONBIO sets or clears O_NONBLOCK as fcntl does, FIOCLEX and
    /// FIONCLEX set and clear FD_CLOEXEC; any other request is `-ENOTTY`.
    static func ioctl(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard let hostFD = process.files[Process.descriptor(a[0])]?.hostDescriptor else { return .error(.EBADF) }
        let size: Int
        switch a[1] {
        case tcgets: size = termiosSize
        case tiocgwinsz: size = winsizeSize
        case fionread: size = 4
        case fionbio: return try setNonBlocking(process, a[0], GuestBytes.word32(try process.copyInArgument(from: a[2], count: 4), at: 0) != 0)
        case fioclex, fionclex:
            process.fileSystem.setCloseOnExec(a[1] == fioclex, for: Int(Process.descriptor(a[0])))
            return .value(0)
        default: return .error(.ENOTTY)
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        if case .failure(let error) = buffer.withUnsafeMutableBytes({ hostFD.control(UInt(a[1]), buffer: $0) }) { return .error(error) }
        return IOSyscalls.complete(process.copyOut(Array(buffer.prefix(size)), to: a[2]), value: 0)
    }

    /// O_NONBLOCK of descriptor `fd` set (`on`) or cleared through fcntl's F_GETFL and F_SETFL.
    private static func setNonBlocking(_ process: Process, _ fd: UInt64, _ on: Bool) throws(SyscallFailure) -> SyscallResult {
        guard case .value(let current) = try DescriptorSyscalls.fcntl(process, [fd, DescriptorSyscalls.getStatusFlags, 0]),
              current >= 0 else { return .error(.EBADF) }
        let wanted = on ? UInt64(current) | OpenFlags.nonBlocking : UInt64(current) & ~OpenFlags.nonBlocking
        return try DescriptorSyscalls.fcntl(process, [fd, DescriptorSyscalls.setStatusFlags, wanted])
    }

    /// fstat(fd, buf): the host descriptor's status in the riscv64 `struct stat` layout (128 bytes).
    static func fstat(_ process: Process, fd: UInt64, buffer: UInt64) -> SyscallResult {
        guard let hostFD = process.files[Process.descriptor(fd)]?.hostDescriptor else { return .error(.EBADF) }
        switch hostFD.status() {
        case .success(let status): return IOSyscalls.complete(process.copyOut(riscv64Stat(status), to: buffer), value: 0)
        case .failure(let error): return .error(error)
        }
    }

    /// asm-generic `struct stat`: dev, ino, mode/nlink/uid/gid (32-bit), rdev, pad, size,
    /// blksize/pad (32-bit), blocks, then atime, mtime and ctime as (seconds, nanoseconds), 8 unused bytes.
    static func riscv64Stat(_ s: HostFileStatus) -> [UInt8] {
        func halves(_ low: UInt64, _ high: UInt64) -> UInt64 { (low & 0xffff_ffff) | high << 32 }
        func time(_ t: HostFileStatus.Time) -> [UInt64] { [UInt64(bitPattern: t.seconds), UInt64(bitPattern: t.nanoseconds)] }
        return GuestBytes.words(
            [s.device, s.inode, halves(UInt64(s.mode), s.linkCount), halves(UInt64(s.userID), UInt64(s.groupID)),
             s.specialDevice, 0, UInt64(bitPattern: s.size), halves(UInt64(bitPattern: s.blockSize), 0),
             UInt64(bitPattern: s.blocks)]
            + time(s.accessTime) + time(s.modificationTime) + time(s.changeTime) + [0])
    }
}
