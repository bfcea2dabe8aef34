/// The sysroot (`--sysroot DIR`), as `qemu-riscv64 -L DIR`: a host directory holding a riscv64 root
/// file system (the dynamic loader, shared libraries, their configuration).
///
/// - The interpreter of a dynamic program, and every absolute path the guest opens for reading, is
///   looked up in the sysroot first, then in the `--fs-root` sandbox (`FileSystemSandbox`).
/// - The sysroot is read-only: opening for writing, creating and every other change go to the
///   sandbox only.
/// - Lookups resolve with openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS) from the sysroot's
///   descriptor, so `..` and absolute symlinks (Debian's `lib -> usr/lib`) stay inside it.
/// - An absolute path under the sysroot's own host path names the file it names on the host: a
///   program run from the sysroot finds its siblings through `/proc/self/exe` (gcc finds cc1), as
///   under qemu-riscv64.
/// - Without `--sysroot`, Debian's riscv64 cross C library (`libc6-riscv64-cross`, in
///   `/usr/riscv64-linux-gnu`) is the sysroot when it is installed; `--sysroot none` turns that off.
public final class Sysroot {
    /// Where Debian's `libc6-riscv64-cross` installs the riscv64 loader and libraries.
    public static let debianCrossDirectory = "/usr/riscv64-linux-gnu"
    /// The file whose presence makes `debianCrossDirectory` the default sysroot.
    static let debianCrossLoader = "/lib/ld-linux-riscv64-lp64d.so.1"

    /// The sysroot's O_PATH descriptor.
    let descriptor: HostDescriptor
    /// Its host path as given.
    public let hostPath: String
    /// Its canonical host path and its absolute path as given (through any symlink): an absolute
    /// guest path under either names the sysroot's file, as a program that finds its own files
    /// from argv[0] or /proc/self/exe asks for them (gcc's cc1).
    let hostPrefixes: [String]

    /// Opens the directory `path`; nil when it is not a directory that can be opened.
    public init?(path: String) {
        guard case .success(let fd) = HostDescriptor.workingDirectory.open(path, flags: [.path, .directory]) else { return nil }
        descriptor = fd
        hostPath = path
        let canonical = Host.realPath(path) ?? path, given = FileSystemSandbox.absolute(path)
        hostPrefixes = canonical == given ? [canonical] : [canonical, given]
    }

    deinit { descriptor.close() }

    /// The default sysroot: `debianCrossDirectory` when it holds the riscv64 loader, else nil.
    public static var defaultPath: String? {
        Host.fileExists(debianCrossDirectory + debianCrossLoader) ? debianCrossDirectory : nil
    }

    /// Opens absolute guest `path` inside the sysroot with host `flags` (O_CLOEXEC added): the host
    /// descriptor or the errno.
    func open(_ path: String, flags: HostOpenFlags) -> HostResult<HostDescriptor> {
        let inside = hostPrefixes.lazy.compactMap { FileSystemSandbox.guestPath(of: path, under: $0) }.first
        return descriptor.open(inside ?? path, flags: flags, resolution: FileSystemSandbox.resolveFlags)
    }

    /// True when a lookup in the sysroot failed so that it should fall back to the sandbox: the
    /// path is not there (ENOENT, ENOTDIR).
    static func fallsThrough(_ result: HostResult<HostDescriptor>) -> Bool {
        switch result {
        case .failure(.ENOENT), .failure(.ENOTDIR): return true
        default: return false
        }
    }
}

/// Finds and reads the interpreter (PT_INTERP) of a program before it runs: in the sysroot, then in
/// the file-system root, under the same rules as the guest's own opens.
public enum InterpreterLookup {
    /// Why the interpreter could not be read.
    public enum Failure: Error, Equatable {
        /// It is in neither root.
        case notFound
        /// It exists but could not be read: the host's reason.
        case unreadable(String)
    }

    /// The interpreter's bytes and the host path they came from.
    public static func read(_ path: String, sysroot: String?, fileSystemRoot: String) -> Result<(bytes: [UInt8], hostPath: String), Failure> {
        var result: HostResult<HostDescriptor> = .failure(.ENOENT)
        if let sysroot, let root = Sysroot(path: sysroot) {
            result = root.open(path, flags: .readOnly)
        }
        if Sysroot.fallsThrough(result) {
            let sandbox = FileSystemSandbox(root: fileSystemRoot, allowWrites: false, programPath: path)
            result = sandbox.open(path, from: "/", flags: .readOnly)
        }
        let file: HostDescriptor
        switch result {
        case .success(let descriptor): file = descriptor
        case .failure(let error): return Sysroot.fallsThrough(result) ? .failure(.notFound) : .failure(.unreadable(error.message))
        }
        defer { file.close() }
        guard case .success(let status) = file.status(), status.type == .regular else { return .failure(.unreadable("not a regular file")) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        reading: while true {
            switch chunk.withUnsafeMutableBytes({ file.read(into: $0) }) {
            case .failure(let error): return .failure(.unreadable(error.message))
            case .success(0): break reading
            case .success(let n): bytes += chunk[..<n]
            }
        }
        return .success((bytes, file.hostPath ?? ""))
    }
}
