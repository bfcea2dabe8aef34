#if canImport(Glibc)
import Glibc
#endif

/// A host file or directory the guest opened through the sandbox (Linux's `struct file`).
///
/// Descriptors made by dup, dup3 and F_DUPFD share one `OpenFile`, and so its offset and status
/// flags, as in Linux. The host descriptor is closed when the last guest descriptor referring to
/// it is closed (or the process goes away).
final class OpenFile {
    /// The host descriptor; always opened with O_CLOEXEC on the host.
    let hostDescriptor: Int32
    /// The guest path it was opened by, absolute and inside the sandbox; lookups relative to a
    /// directory start here.
    let guestPath: String
    let isDirectory: Bool

    init(hostDescriptor: Int32, guestPath: String, isDirectory: Bool) {
        precondition(hostDescriptor >= 0, "an OpenFile needs an open host descriptor")
        self.hostDescriptor = hostDescriptor
        self.guestPath = guestPath
        self.isDirectory = isDirectory
    }

    deinit { close(hostDescriptor) }
}

extension OpenFile: Equatable {
    static func == (lhs: OpenFile, rhs: OpenFile) -> Bool { lhs === rhs }
}

extension FileTable.Entry {
    /// The host descriptor that read, write, lseek, fstat, ioctl and fcntl act on.
    var hostDescriptor: Int32 {
        switch self {
        case .host(let fd): return fd
        case .file(let file, _): return file.hostDescriptor
        }
    }

    /// FD_CLOEXEC, kept per descriptor; the host's standard streams never have it.
    var closeOnExec: Bool {
        if case .file(_, let closeOnExec) = self { return closeOnExec }
        return false
    }

    /// The same open file with FD_CLOEXEC set to `closeOnExec` (standard streams stay as they are).
    func with(closeOnExec: Bool) -> FileTable.Entry {
        if case .file(let file, _) = self { return .file(file, closeOnExec: closeOnExec) }
        return self
    }
}

extension FileTable {
    /// Linux's default RLIMIT_NOFILE: descriptors are below this.
    static let descriptorLimit = 1024

    /// Puts `entry` at the lowest free descriptor `>= minimum`; returns it, or `-EMFILE`.
    func installLowest(_ entry: Entry, from minimum: Int = 0) -> Int64 {
        let fd = lowestFree(from: minimum)
        guard fd < FileTable.descriptorLimit else { return Errno.EMFILE.negated }
        install(entry, at: fd)
        return Int64(fd)
    }
}
