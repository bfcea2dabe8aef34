/// The guest's view of the host file system: one host directory, the root, as in a chroot.
///
/// This is the one place the sandbox's rules are written down; every file syscall goes through it.
/// - **The root** is `RunOptions.fileSystemRoot` (`--fs-root`, default the current directory). It
///   is opened once as an O_PATH descriptor. If that fails, every path lookup fails with the errno
///   of that open.
/// - **Resolution.** The host kernel resolves every guest path from the root descriptor with
///   openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS). `..` at the root stays at the root, absolute
///   paths and absolute symlink targets start at the root, and /proc magic links are refused
///   (ELOOP). Nothing outside the root can be named: a path that would lead outside finds what
///   is at that place inside the root, normally nothing (ENOENT). No path string is checked in
///   Swift; the host kernel enforces the rule, race-free.
/// - **The working directory** starts at the root; chdir and fchdir move it within the root.
///   `getcwd` reports its real host path (the root's host path followed by the guest path), so with
///   the default root a program prints the directory that qemu-riscv64 would print; an absolute
///   guest path under the root's host path is taken relative to the root, so what getcwd returned
///   can be used. The directories above the root on that host path (`/home`, `/home/me` for a
///   root at `/home/me/project`) are found as empty directories when the root holds nothing of
///   that name, so a program that checks each component of getcwd's answer (git's realpath) gets
///   through them.
/// - **Directory descriptors**: a lookup relative to one is resolved by the host kernel from that
///   descriptor, openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS), not by its name (`LookupBase`).
///   Only a path that leaves the directory is resolved from the root as `guest path of that
///   directory/relative`, the guest path coming from /proc/self/fd, and only while that path still
///   names the same directory.
/// - **Writes** (opening for writing, O_CREAT, O_TRUNC, O_TMPFILE, unlinkat, mkdirat) need
///   `RunOptions.allowFileWrites` (`--fs-write`). Without it they fail with EACCES once the path has
///   been resolved, so a missing file still reports ENOENT as Linux would. Host descriptors are then
///   only ever opened read-only, so a write through one fails with EBADF, as on Linux.
/// - **`/proc/self/exe`** reads (readlinkat) as the real absolute host path of the program
///   (`RunOptions.executablePath`, else argv[0]), as qemu-riscv64 reports it.
/// - **The sysroot** (`--sysroot`, `Sysroot`): an absolute path opened for reading (or looked up
///   for stat, statx, access, readlink) is tried in the sysroot first; only when it is not there
///   (ENOENT, ENOTDIR) is it looked up in the root. Every other lookup (creating, removing, changing
///   timestamps, chdir, the parents of names) uses the root only, so nothing changes the sysroot.
///   A directory opened from the sysroot can be read, but is no base for *at lookups (ENOTDIR).
/// - **`/dev/null`, `/dev/zero`, `/dev/full`, `/dev/random` and `/dev/urandom`** are the host's,
///   readable and writable without `--fs-write` (writing to them changes nothing). Nothing else
///   under /dev exists unless the root holds it; /proc is the kernel's (`ProcFiles`).
/// - **Errors** are the host kernel's errno for the same resolution, returned to the guest as
///   `-errno`. Nothing the guest names can crash tinyrv.
final class FileSystemSandbox {
    /// How paths resolve from the root (and the sysroot).
    static let resolveFlags: HostPathResolution = [.noMagicLinks, .inRoot]
    /// How relative paths resolve under a directory descriptor.
    static let beneathFlags: HostPathResolution = [.noMagicLinks, .beneath]
    /// Linux's AT_FDCWD.
    static let currentDirectory: Int32 = -100
    /// The guest path that names the running program.
    static let executableLink = "/proc/self/exe"

    /// The root's O_PATH descriptor, or the errno of opening it.
    let root: HostResult<HostDescriptor>
    /// The root's real absolute host path (what getcwd reports).
    let rootHostPath: String
    let allowWrites: Bool
    /// The read-only directory searched first for absolute paths, or nil.
    let sysroot: Sysroot?
    /// The absolute host path of the program, for /proc/self/exe (execve changes it).
    var executablePath: String
    /// The guest's working directory, a canonical guest path ("/" is the root); chdir moves it.
    /// It starts where tinyrv runs when that lies under the root, else at the root.
    private(set) var workingDirectory = "/"
    /// The guest descriptors with FD_CLOEXEC. Every call that creates a descriptor sets or clears
    /// its flag, so a reused number never inherits a stale one. (Host descriptors themselves are
    /// always close-on-exec on the host, so none leaks into a process tinyrv starts.)
    private var closeOnExecDescriptors: Set<Int> = []

    init(root: String, allowWrites: Bool, programPath: String, sysroot: Sysroot? = nil) {
        self.sysroot = sysroot
        self.root = HostDescriptor.workingDirectory.open(root, flags: [.path, .directory])
        rootHostPath = Host.realPath(root) ?? FileSystemSandbox.absolute(root)
        self.allowWrites = allowWrites
        executablePath = Host.realPath(programPath) ?? FileSystemSandbox.absolute(programPath)
        workingDirectory = FileSystemSandbox.guestPath(of: Host.workingDirectoryPath ?? "/", under: rootHostPath) ?? "/"
    }

    /// Host path `path` (absolute, canonical) as a guest path under `root`, or nil outside it.
    static func guestPath(of path: String, under root: String) -> String? {
        if path == root { return "/" }
        if root == "/" { return path }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count)) : nil
    }

    /// fork's copy: the same root (a duplicated descriptor), sysroot, working directory and close-on-exec set.
    private init(copying other: FileSystemSandbox) {
        root = other.root.flatMap { $0.duplicate() }
        rootHostPath = other.rootHostPath
        allowWrites = other.allowWrites
        sysroot = other.sysroot
        executablePath = other.executablePath
        workingDirectory = other.workingDirectory
        closeOnExecDescriptors = other.closeOnExecDescriptors
    }

    /// A copy for a forked child, which may then change its directory on its own.
    func copy() -> FileSystemSandbox { FileSystemSandbox(copying: self) }

    deinit {
        if case .success(let descriptor) = root { descriptor.close() }
    }

    /// The close-on-exec descriptors, forgetting them (execve closes them).
    func takeCloseOnExec() -> [Int] {
        defer { closeOnExecDescriptors.removeAll() }
        return closeOnExecDescriptors.sorted()
    }

    /// The guest path `path` looked up from guest directory `base`, as an absolute guest path: an
    /// absolute path under `rootHostPath` loses that prefix; a relative one is appended to `base`.
    func guestAbsolutePath(_ path: String, from lookupBase: LookupBase) -> String {
        let base = lookupBase.guestPath
        if path.hasPrefix("/") {
            guard rootHostPath != "/", path == rootHostPath || path.hasPrefix(rootHostPath + "/") else { return path }
            let rest = path.dropFirst(rootHostPath.count)
            return rest.isEmpty ? "/" : String(rest)
        }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// Opens guest `path` from `base` with host `flags` (O_CLOEXEC is added), from the sysroot first
    /// when `searchSysroot` is set (only lookups that read a file or ask about it), the path is
    /// absolute and the open only reads; `mode` is used only with O_CREAT or O_TMPFILE. A relative
    /// path under a directory descriptor is resolved from the descriptor (`LookupBase`). Returns the
    /// host descriptor or the errno (ENOENT for an empty path).
    func open(_ path: String, from base: LookupBase, flags: HostOpenFlags, mode: UInt32 = 0,
              searchSysroot: Bool = false) -> HostResult<HostDescriptor> {
        guard !path.isEmpty else { return .failure(.ENOENT) }
        if let device = harmlessDevice(path, from: base) {
            return Host.open(device, flags: flags.subtracting([.create, .exclusive]))
        }
        if searchSysroot, let sysroot, path.hasPrefix("/"), !flags.changesFiles {
            let found = sysroot.open(path, flags: flags)
            if !Sysroot.fallsThrough(found) { return found }
        }
        let root: HostDescriptor
        switch self.root {
        case .success(let descriptor): root = descriptor
        case .failure: return self.root
        }
        if let directory = base.descriptor, !path.hasPrefix("/") {
            let found = directory.open(path, flags: flags, mode: mode & 0o7777, resolution: FileSystemSandbox.beneathFlags)
            guard case .failure(.EXDEV) = found else { return found }
            guard isDirectory(directory, atGuestPath: base.guestPath) else { return .failure(.ENOENT) }
        }
        let found = root.open(guestAbsolutePath(path, from: base), flags: flags, mode: mode & 0o7777,
                              resolution: FileSystemSandbox.resolveFlags)
        guard case .failure(.ENOENT) = found, !flags.changesFiles, isAboveRoot(lexicalPath(path, from: base)) else { return found }
        return Host.makeVanishedDirectory()
    }

    /// True when absolute guest path `path` names a directory above the root on the root's host
    /// path (a proper prefix of it, component by component, other than "/").
    private func isAboveRoot(_ path: String) -> Bool {
        path != "/" && rootHostPath.hasPrefix(path + "/")
    }

    /// True when guest path `path` still names the directory open as host descriptor `directory`
    /// (the same file); false once it was removed, replaced or moved.
    private func isDirectory(_ directory: HostDescriptor, atGuestPath path: String) -> Bool {
        guard case .success(let root) = root,
              case .success(let named) = root.open(path, flags: [.path, .directory], resolution: FileSystemSandbox.resolveFlags)
        else { return false }
        defer { named.close() }
        guard case .success(let opened) = directory.status(), case .success(let found) = named.status() else { return false }
        return opened.isSameFile(as: found)
    }

    /// Host devices every guest may open, whatever the root holds: using them changes nothing
    /// (a write to /dev/urandom mixes bytes into the pool without crediting them, as for any user).
    static let harmlessDevices: Set<String> = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"]

    /// True when guest `path`, looked up from `base`, names one of `harmlessDevices`.
    func isHarmlessDevice(_ path: String, from base: LookupBase) -> Bool { harmlessDevice(path, from: base) != nil }

    /// The host path of the harmless device that guest `path` names (`..` and `.` taken lexically,
    /// `..` stopping at the root), or nil.
    func harmlessDevice(_ path: String, from base: LookupBase) -> String? {
        let normalized = lexicalPath(path, from: base)
        return FileSystemSandbox.harmlessDevices.contains(normalized) ? normalized : nil
    }

    /// Guest `path` looked up from `base` as an absolute path with `.` and `..` taken lexically
    /// (`..` stopping at the root), nothing resolved.
    func lexicalPath(_ path: String, from base: LookupBase) -> String {
        var components: [Substring] = []
        for component in guestAbsolutePath(path, from: base).split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// An O_PATH descriptor for guest `path` (not following a final symlink when `followLink` is
    /// false), or the errno. The caller closes it.
    func openPath(_ path: String, from base: LookupBase, followLink: Bool = true,
                  searchSysroot: Bool = false) -> HostResult<HostDescriptor> {
        open(path, from: base, flags: followLink ? .path : [.path, .noFollow], searchSysroot: searchSysroot)
    }

    /// The FD_CLOEXEC of guest descriptor `fd` (F_GETFD).
    func isCloseOnExec(_ fd: Int) -> Bool { closeOnExecDescriptors.contains(fd) }

    /// Sets or clears the FD_CLOEXEC of guest descriptor `fd` (open, dup, F_SETFD).
    func setCloseOnExec(_ closeOnExec: Bool, for fd: Int) {
        if closeOnExec { closeOnExecDescriptors.insert(fd) } else { closeOnExecDescriptors.remove(fd) }
    }

    /// Makes the directory open as host descriptor `fd` the working directory; false (nothing
    /// changes) when it is not a directory under the root.
    func changeDirectory(to fd: HostDescriptor) -> Bool {
        guard let path = guestPath(ofDirectory: fd) else { return false }
        workingDirectory = path
        return true
    }

    /// The working directory as a host path, what getcwd reports.
    var workingDirectoryHostPath: String {
        workingDirectory == "/" ? rootHostPath : (rootHostPath == "/" ? "" : rootHostPath) + workingDirectory
    }

    /// The guest path of the directory open as host descriptor `fd`, found from its host path
    /// (/proc/self/fd): the root's host path becomes "/". Nil for anything that is not a
    /// directory under the root.
    func guestPath(ofDirectory fd: HostDescriptor) -> String? {
        guard case .success(let status) = fd.status(), status.type == .directory, let hostPath = fd.hostPath else { return nil }
        if hostPath == rootHostPath { return "/" }
        let prefix = rootHostPath == "/" ? "/" : rootHostPath + "/"
        guard hostPath.hasPrefix(prefix) else { return nil }
        return "/" + hostPath.dropFirst(prefix.count)
    }

    /// Splits guest `path` into the directory that holds its last component (opened O_PATH) and
    /// that component, for calls that act on a name in a directory (unlinkat, mkdirat). The
    /// component is never empty, "." or "..": those return `special` instead, which the caller
    /// turns into its own errno. Trailing slashes are reported. The caller closes the descriptor.
    /// A relative path under a directory descriptor keeps that descriptor as its base.
    func openParent(_ path: String, from base: LookupBase) -> ParentLookup {
        if case .failure(let error) = root { return .failed(error) }
        guard !path.isEmpty else { return .failed(.ENOENT) }
        let underDescriptor = base.descriptor != nil && !path.hasPrefix("/")
        let full = underDescriptor ? path : guestAbsolutePath(path, from: base)
        var trimmed = Substring(full)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let trailingSlash = trimmed.count < full.count
        let slash = trimmed.lastIndex(of: "/")
        let name = String(slash.map { trimmed[trimmed.index(after: $0)...] } ?? trimmed)
        guard !name.isEmpty, name != ".", name != ".." else { return .special(name) }
        let parent = slash.map { trimmed[..<$0].isEmpty ? "/" : String(trimmed[..<$0]) } ?? "."
        switch open(parent, from: underDescriptor ? base : "/", flags: [.path, .directory]) {
        case .success(let directory): return .found(directory: directory, name: name, trailingSlash: trailingSlash)
        case .failure(let error): return .failed(error)
        }
    }

    enum ParentLookup: Equatable {
        case found(directory: HostDescriptor, name: String, trailingSlash: Bool)
        /// The last component is empty (the root itself), "." or "..".
        case special(String)
        case failed(Errno)
    }

    /// `path` made absolute against the host's working directory, without resolving anything.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let directory = Host.workingDirectoryPath else { return "/" + path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
