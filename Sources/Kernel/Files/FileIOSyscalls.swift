#if canImport(Glibc)
import Glibc
#endif
import CHostSys

/// lseek, pread64 and getdents64 on the host descriptor behind a guest descriptor (read, write,
/// readv and writev are in IOSyscalls, pwrite64 in FileWriteSyscalls).
enum FileIOSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(62, "lseek", [.decimal, .decimal, .decimal], lseek),
        SyscallDefinition(67, "pread64", [.decimal, .resultBuffer, .decimal, .decimal], pread64),
        SyscallDefinition(61, "getdents64", [.decimal, .hex, .decimal], getdents64),
    ]

    /// lseek(fd, offset, whence): the host's lseek (SEEK_SET/CUR/END/DATA/HOLE have the same
    /// values); returns the new offset or its errno (`-ESPIPE` on a pipe, `-EINVAL` for a bad whence).
    static func lseek(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let hostFD = try process.openEntry(a[0]).hostDescriptor
        guard a[2] <= UInt64(Int32.max) else { return .error(.EINVAL) }
        let position = Glibc.lseek(hostFD, off_t(Int64(bitPattern: a[1])), Int32(a[2]))
        return .value(position < 0 ? -Int64(errno) : Int64(position))
    }

    /// pread64(fd, buf, count, offset): reads up to 64 KiB at `offset` without moving the file
    /// offset. `-EFAULT` for a bad buffer; the host's errno otherwise (`-ESPIPE`, `-EINVAL`, `-EISDIR`).
    static func pread64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let hostFD = try process.openEntry(a[0]).hostDescriptor
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(hostFD, $0.baseAddress, count, off_t(Int64(bitPattern: a[3]))) }
        guard n > 0 else { return .value(n < 0 ? -Int64(errno) : 0) }
        try process.copyOutArgument(Array(buffer[..<n]), to: a[1])
        return .value(Int64(n))
    }

    /// getdents64(fd, dirp, count): the host's linux_dirent64 records, which have the same layout
    /// on every Linux, copied out as they are (at most 64 KiB per call). `-EFAULT` for a bad
    /// buffer, `-ENOTDIR` for a file, `-EINVAL` for a buffer too small for one record.
    static func getdents64(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let hostFD = try process.openEntry(a[0]).hostDescriptor
        let count = Int(min(a[2], UInt64(IOSyscalls.readChunk)))
        guard process.isAccessible(a[1], count: UInt64(count), for: .store) else { return .error(.EFAULT) }
        var buffer = [UInt8](repeating: 0, count: max(count, 1))
        let n = buffer.withUnsafeMutableBytes { tinyrv_getdents64(hostFD, $0.baseAddress, UInt(count)) }
        guard n > 0 else { return .value(Int64(n)) }
        try process.copyOutArgument(Array(buffer[..<n]), to: a[1])
        return .value(Int64(n))
    }
}
