#if canImport(Glibc)
import Glibc
#endif

/// ioctl for the terminal requests that libc and busybox make, passed to the host descriptor so
/// that isatty tells the truth: on a host terminal they act on it, on anything else they fail as
/// Linux does (`-ENOTTY`). The request numbers and structures are asm-generic's on both sides.
enum TerminalSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(29, "ioctl", [.decimal, .hex, .hex], ioctl),
    ]

    /// A request: its number, the bytes it reads from the guest and the bytes it writes back.
    struct Request {
        let number: UInt64
        let inputSize: Int
        let outputSize: Int
    }

    /// `struct termios` of the kernel ABI: four u32 flag words, c_line and 19 control characters.
    static let termiosSize = 36
    static let requests: [Request] = [
        Request(number: 0x5401, inputSize: 0, outputSize: termiosSize),   // TCGETS
        Request(number: 0x5402, inputSize: termiosSize, outputSize: 0),   // TCSETS
        Request(number: 0x5403, inputSize: termiosSize, outputSize: 0),   // TCSETSW
        Request(number: 0x5404, inputSize: termiosSize, outputSize: 0),   // TCSETSF
        Request(number: 0x540F, inputSize: 0, outputSize: 4),             // TIOCGPGRP
        Request(number: 0x5413, inputSize: 0, outputSize: 8),             // TIOCGWINSZ
        Request(number: 0x541B, inputSize: 0, outputSize: 4),             // FIONREAD
    ]

    /// ioctl(fd, request, arg): one of `requests`, on the host descriptor; `-EBADF` for a closed
    /// descriptor, `-EFAULT` for a bad argument, `-ENOTTY` for any other request.
    static func ioctl(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let hostFD = try process.openEntry(a[0]).hostDescriptor
        guard let request = requests.first(where: { $0.number == a[1] & 0xFFFF_FFFF }) else { return .error(.ENOTTY) }
        var buffer = [UInt8](repeating: 0, count: 64)
        if request.inputSize > 0 {
            buffer.replaceSubrange(0..<request.inputSize, with: try process.copyInArgument(from: a[2], count: request.inputSize))
        } else if !process.isAccessible(a[2], count: UInt64(request.outputSize), for: .store) {
            return .error(.EFAULT)
        }
        let result = buffer.withUnsafeMutableBytes { Glibc.ioctl(hostFD, UInt(request.number), $0.baseAddress!) }
        guard result >= 0 else { return .value(-Int64(errno)) }
        if request.outputSize > 0 { try process.copyOutArgument(Array(buffer[..<request.outputSize]), to: a[2]) }
        return .value(Int64(result))
    }
}
