/// utimensat: setting a file's access and modification times, inside the sandbox.
enum TimestampSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(88, "utimensat", [.decimal, .string, .hex, .hex], utimensat),
    ]

    /// utimensat(dirfd, path, times, flags): sets the times of `path` (or of the file open as
    /// `dirfd` when path is NULL) to `times[2]` (`{sec, nsec}`, with UTIME_NOW and UTIME_OMIT as on
    /// Linux), or to now when `times` is NULL; the inherited streams 0-2 are never re-timed
    /// (`-EPERM`). The path resolves in the sandbox first, so a missing
    /// file is `-ENOENT`; changing a file needs `allowFileWrites`, else `-EACCES`. `-EINVAL` for
    /// flags other than AT_SYMLINK_NOFOLLOW, `-EFAULT` for bad pointers.
    static func utimensat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[3] & ~PathSyscalls.symlinkNoFollow == 0 else { return .error(.EINVAL) }
        let target: HostDescriptor
        var owned = false
        if a[1] == 0 {
            target = try process.fileChangingDescriptor(a[0], inherited: .EPERM)
        } else {
            let path = try process.pathArgument(a[1])
            let base = try process.lookupBase(dirfd: a[0], for: path)
            target = try process.fileSystem.openPath(path, from: base, followLink: a[3] == 0).orFail()
            owned = true
        }
        defer { if owned { target.close() } }
        guard process.fileSystem.allowWrites else { return .error(.EACCES) }
        guard a[2] != 0 else { return SyscallResult(Host.setTimes(of: target.procPath, to: nil)) }
        let bytes = try process.copyInArgument(from: a[2], count: 32)
        let times = (0..<2).map { i in
            HostFileStatus.Time(seconds: Int64(bitPattern: GuestBytes.word(bytes, at: i * 16)),
                                nanoseconds: Int64(bitPattern: GuestBytes.word(bytes, at: i * 16 + 8)))
        }
        return SyscallResult(Host.setTimes(of: target.procPath, to: (times[0], times[1])))
    }
}
