import CHostSys
import Glibc

/// How openat2(2) resolves a path (`struct open_how`'s `resolve`, linux/openat2.h).
struct HostPathResolution: OptionSet, Hashable, Sendable {
    let rawValue: UInt64
    init(rawValue: UInt64) { self.rawValue = rawValue }

    /// RESOLVE_NO_MAGICLINKS: /proc magic links are refused (ELOOP).
    static let noMagicLinks = HostPathResolution(rawValue: 0x02)
    /// RESOLVE_BENEATH: a path that would leave the directory fails with EXDEV.
    static let beneath = HostPathResolution(rawValue: 0x08)
    /// RESOLVE_IN_ROOT: the directory is the root (`..` stays there, absolute paths start there).
    static let inRoot = HostPathResolution(rawValue: 0x10)
}

/// The access checks of access(2) (R_OK, W_OK, X_OK; none is F_OK), Linux's numbers, which the
/// guest shares.
struct HostAccessCheck: OptionSet, Hashable, Sendable {
    let rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }

    static let exists: HostAccessCheck = []
    static let execute = HostAccessCheck(rawValue: X_OK)
    static let write = HostAccessCheck(rawValue: W_OK)
    static let read = HostAccessCheck(rawValue: R_OK)
}

/// renameat2(2)'s flags, Linux's numbers, which the guest shares.
struct HostRenameFlags: OptionSet, Hashable, Sendable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }

    static let noReplace = HostRenameFlags(rawValue: 1)
    static let exchange = HostRenameFlags(rawValue: 2)
    static let whiteout = HostRenameFlags(rawValue: 4)
}

extension HostDescriptor {
    /// tinyrv's own working directory as the base of a lookup (AT_FDCWD): only for the *at calls of
    /// this file, never a descriptor to read or close.
    static let workingDirectory = HostDescriptor(rawValue: AT_FDCWD)

    /// A path that names the very file this descriptor refers to, even an O_PATH one or a file
    /// since renamed or removed (its /proc/self/fd link), for the calls that take a path.
    var procPath: String { "/proc/self/fd/\(rawValue)" }

    /// The host path this descriptor's file had when found (readlink of `procPath`), or nil when
    /// the host cannot say.
    var hostPath: String? { Host.linkTarget(of: procPath, maxLength: Int(PATH_MAX)).map { String(decoding: $0, as: UTF8.self) } }

    /// openat2(2) of `path` from this directory with `flags` (O_CLOEXEC added) and `resolution`:
    /// a new descriptor, or the errno. `mode` counts only when the flags create a file.
    func open(_ path: String, flags: HostOpenFlags, mode: UInt32 = 0,
              resolution: HostPathResolution = []) -> HostResult<HostDescriptor> {
        let flags = flags.union(.closeOnExec)
        let mode = flags.creates ? mode : 0
        return Host.retryingShim { tinyrv_openat2(rawValue, path, flags.rawValue, mode, resolution.rawValue) }
            .map(HostDescriptor.init(rawValue:))
    }

    /// mkdirat(2): a directory `name` in this directory with permission bits `mode` (less the
    /// host's umask).
    func makeDirectory(named name: String, mode: UInt32) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.mkdirat(rawValue, name, mode_t(mode)) }
    }

    /// mkfifoat(3): a FIFO `name` in this directory with permission bits `mode` (less the host's umask).
    func makeFifo(named name: String, mode: UInt32) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.mkfifoat(rawValue, name, mode_t(mode)) }
    }

    /// unlinkat(2) of `name` in this directory: a file, or with `isDirectory` an empty directory
    /// (AT_REMOVEDIR).
    func removeEntry(named name: String, isDirectory: Bool) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.unlinkat(rawValue, name, isDirectory ? AT_REMOVEDIR : 0) }
    }

    /// renameat2(2): moves `name` of this directory to `newName` of `newDirectory`.
    func renameEntry(named name: String, to newName: String, in newDirectory: HostDescriptor,
                     flags: HostRenameFlags) -> HostResult<Void> {
        Host.retryingShim { tinyrv_renameat2(rawValue, name, newDirectory.rawValue, newName, flags.rawValue) }
    }

    /// symlinkat(2): a symbolic link `name` in this directory holding the text `target`.
    func makeSymbolicLink(named name: String, target: String) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.symlinkat(target, rawValue, name) }
    }

    /// readlinkat(2) of this O_PATH descriptor itself (an empty path): the link's text, at most
    /// `maxLength` bytes of it. EINVAL when the file is not a symbolic link.
    func linkText(maxLength: Int) -> HostResult<[UInt8]> {
        var text = [UInt8](repeating: 0, count: maxLength)
        return Host.retryingInterrupts {
            text.withUnsafeMutableBytes { Glibc.readlinkat(rawValue, "", $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
        }.map { Array(text[..<$0]) }
    }

    /// faccessat(2) of this descriptor's own file (AT_EMPTY_PATH): whether it grants `check` to the
    /// real ids, or with `effectiveIDs` to the effective ones (AT_EACCESS). EACCES when it does not.
    func checkAccess(_ check: HostAccessCheck, effectiveIDs: Bool) -> HostResult<Void> {
        let flags = tinyrv_host_AT_EMPTY_PATH | (effectiveIDs ? AT_EACCESS : 0)
        return Host.retryingInterrupts { Glibc.faccessat(rawValue, "", check.rawValue, flags) }
    }

    /// fchownat(2) of this descriptor's own file (AT_EMPTY_PATH, so an O_PATH descriptor is enough):
    /// sets its owner and group; UInt32.max keeps one.
    func changeOwner(user: UInt32, group: UInt32) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.fchownat(rawValue, "", uid_t(user), gid_t(group), tinyrv_host_AT_EMPTY_PATH) }
    }

    /// fchmod(2): sets the permission bits of the open file to `mode`.
    func changeMode(_ mode: UInt32) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.fchmod(rawValue, mode_t(mode)) }
    }
}

extension Host {
    /// An empty directory that no path names any more (made under /tmp, opened, and removed):
    /// fstat calls it a directory, and nothing can be found or made in it.
    static func makeVanishedDirectory() -> HostResult<HostDescriptor> {
        var template = Array("/tmp/tinyrv-dir-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return .failure(lastError) }
        let path = String(cString: made)
        defer { rmdir(path) }
        return open(path, flags: [.readOnly, .directory])
    }

    /// open(2) of host `path` from tinyrv's working directory with `flags` (O_CLOEXEC added) and,
    /// when they create a file, permission bits `mode`: a new descriptor, or the errno.
    static func open(_ path: String, flags: HostOpenFlags, mode: UInt32 = 0) -> HostResult<HostDescriptor> {
        retryingInterrupts { Glibc.open(path, flags.union(.closeOnExec).rawValue, mode_t(mode)) }
            .map(HostDescriptor.init(rawValue:))
    }

    /// linkat(2) with AT_SYMLINK_FOLLOW: a new name `name` in `directory` for the file `path` names
    /// (following a final symlink, as for a `HostDescriptor.procPath`).
    static func link(_ path: String, as name: String, in directory: HostDescriptor) -> HostResult<Void> {
        retryingInterrupts { Glibc.linkat(AT_FDCWD, path, directory.rawValue, name, AT_SYMLINK_FOLLOW) }
    }

    /// truncate(2): sets the size of the file `path` names to `length` bytes.
    static func truncate(_ path: String, to length: Int64) -> HostResult<Void> {
        retryingInterrupts { Glibc.truncate(path, off_t(length)) }
    }

    /// chmod(2): sets the permission bits of the file `path` names to `mode`.
    static func changeMode(of path: String, to mode: UInt32) -> HostResult<Void> {
        retryingInterrupts { Glibc.chmod(path, mode_t(mode)) }
    }

    /// utimensat(2) of the file `path` names (following symlinks): its access and modification
    /// times, or now for both when `times` is nil. A time's nanoseconds may be UTIME_NOW or
    /// UTIME_OMIT (Linux's numbers, which the guest shares).
    static func setTimes(of path: String, to times: (access: HostFileStatus.Time, modification: HostFileStatus.Time)?) -> HostResult<Void> {
        guard let times else { return retryingInterrupts { Glibc.utimensat(AT_FDCWD, path, nil, 0) } }
        let specs = [times.access, times.modification].map { timespec(tv_sec: Int($0.seconds), tv_nsec: Int($0.nanoseconds)) }
        return retryingInterrupts { Glibc.utimensat(AT_FDCWD, path, specs, 0) }
    }

    /// readlink(2) of `path`: the link's text, at most `maxLength` bytes; nil when it is not a
    /// link or cannot be read.
    static func linkTarget(of path: String, maxLength: Int) -> [UInt8]? {
        var text = [UInt8](repeating: 0, count: maxLength)
        let n = text.withUnsafeMutableBytes { Glibc.readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
        return n > 0 ? Array(text[..<n]) : nil
    }

    /// True when host `path` names a file (access(2) with F_OK).
    static func fileExists(_ path: String) -> Bool { Glibc.access(path, F_OK) == 0 }

    /// realpath(3) of host `path`: its canonical absolute path, or nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// getcwd(3): tinyrv's working directory, or nil when the host cannot say.
    static var workingDirectoryPath: String? {
        guard let path = Glibc.getcwd(nil, 0) else { return nil }
        defer { free(path) }
        return String(cString: path)
    }
}
