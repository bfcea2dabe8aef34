import Glibc

/// What the guest may learn about its files: ioctl (terminal queries), fstat, newfstatat, and close.
enum FileStatusSyscalls {
    /// asm-generic ioctl requests (the same numbers on the host).
    static let tcgets: UInt64 = 0x5401, tiocgwinsz: UInt64 = 0x5413
    /// Bytes of the kernel's `struct termios` and `struct winsize`.
    static let termiosSize = 36, winsizeSize = 8

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 29, name: "ioctl", arguments: [.decimal, .hex, .hex], result: .decimal, handler: ioctl),
        SyscallDefinition(number: 80, name: "fstat", arguments: [.decimal, .hex], result: .decimal) { process, a in
            fstat(process, fd: a[0], buffer: a[1])
        },
        SyscallDefinition(number: 79, name: "newfstatat", arguments: [.decimal, .string, .hex, .hex], result: .decimal,
                          handler: newfstatat),
        SyscallDefinition(number: 57, name: "close", arguments: [.decimal], result: .decimal) { process, a in
            process.files.close(Process.descriptor(a[0])) ? .value(0) : .error(.EBADF)
        },
    ]

    /// ioctl(fd, request, arg): TCGETS and TIOCGWINSZ are asked of the host descriptor, so isatty
    /// tells the truth; any other request is `-ENOTTY`.
    static func ioctl(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        guard let hostFD = process.files[Process.descriptor(a[0])]?.hostDescriptor else { return .error(.EBADF) }
        let size: Int
        switch a[1] {
        case tcgets: size = termiosSize
        case tiocgwinsz: size = winsizeSize
        default: return .error(.ENOTTY)
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        let result = buffer.withUnsafeMutableBytes { Glibc.ioctl(hostFD, UInt(a[1]), $0.baseAddress!) }
        guard result == 0 else { return .value(-Int64(errno)) }
        return IOSyscalls.complete(process.copyOut(Array(buffer.prefix(size)), to: a[2]), value: 0)
    }

    /// newfstatat(dirfd, path, buf, flags): the sandbox's answer (`PathSyscalls.newfstatat`); with
    /// AT_EMPTY_PATH and an empty path, fstat of dirfd.
    static func newfstatat(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        PathSyscalls.statPath(process, a)
    }

    /// fstat(fd, buf): the host descriptor's status in the riscv64 `struct stat` layout (128 bytes).
    static func fstat(_ process: Process, fd: UInt64, buffer: UInt64) -> SyscallResult {
        guard let hostFD = process.files[Process.descriptor(fd)]?.hostDescriptor else { return .error(.EBADF) }
        var status = stat()
        guard Glibc.fstat(hostFD, &status) == 0 else { return .value(-Int64(errno)) }
        return IOSyscalls.complete(process.copyOut(riscv64Stat(status), to: buffer), value: 0)
    }

    /// asm-generic `struct stat`: dev, ino, mode/nlink/uid/gid (32-bit), rdev, pad, size,
    /// blksize/pad (32-bit), blocks, then atime, mtime and ctime as (seconds, nanoseconds), 8 unused bytes.
    static func riscv64Stat(_ s: stat) -> [UInt8] {
        func halves(_ low: UInt64, _ high: UInt64) -> UInt64 { (low & 0xffff_ffff) | high << 32 }
        return GuestBytes.words(
            UInt64(s.st_dev), UInt64(s.st_ino),
            halves(UInt64(s.st_mode), UInt64(s.st_nlink)), halves(UInt64(s.st_uid), UInt64(s.st_gid)),
            UInt64(s.st_rdev), 0, UInt64(bitPattern: Int64(s.st_size)), halves(UInt64(s.st_blksize), 0),
            UInt64(bitPattern: Int64(s.st_blocks)),
            UInt64(bitPattern: Int64(s.st_atim.tv_sec)), UInt64(s.st_atim.tv_nsec),
            UInt64(bitPattern: Int64(s.st_mtim.tv_sec)), UInt64(s.st_mtim.tv_nsec),
            UInt64(bitPattern: Int64(s.st_ctim.tv_sec)), UInt64(s.st_ctim.tv_nsec), 0)
    }
}
