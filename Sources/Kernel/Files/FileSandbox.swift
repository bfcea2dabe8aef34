#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Host file access for the guest, confined to one directory (`--fs-root`, default the current
/// directory), read-only unless writes are allowed (`--fs-write`).
///
/// Paths are resolved one component at a time from the root (or from a directory the guest opened
/// through the sandbox), so nothing escapes it: an absolute path, a `..` component and a symbolic
/// link anywhere on the path are all denied with `EACCES`, as are writes when they are not
/// allowed. Missing files are `ENOENT`, as on Linux. The root is opened on first use; if it cannot
/// be opened every path is `ENOENT`.
final class FileSandbox {
    /// O_PATH, which Swift's Glibc module does not export (the same value on every Linux host).
    static let openPathOnly: Int32 = 0o10000000

    let rootPath: String
    let allowsWrites: Bool
    private var rootDescriptor: Int32?

    init(rootPath: String, allowsWrites: Bool) {
        self.rootPath = rootPath
        self.allowsWrites = allowsWrites
    }

    deinit {
        if let rootDescriptor { _ = close(rootDescriptor) }
    }

    /// Opens `path` relative to `base` (nil: the root) with host `flags` and `mode`, returning a
    /// host descriptor the caller owns.
    func open(_ path: [UInt8], from base: Int32?, flags: Int32, mode: mode_t) -> Result<Int32, Errno> {
        let writes = flags & O_ACCMODE != O_RDONLY || flags & (O_CREAT | O_TRUNC | O_APPEND) != 0
        guard allowsWrites || !writes else { return .failure(.EACCES) }
        return withParent(of: path, from: base) { parent, name in
            let fd = openat(parent, name, flags | O_NOFOLLOW | O_CLOEXEC, mode)
            guard fd < 0 else { return .success(fd) }
            return .failure(errno == ELOOP ? .EACCES : .host)
        }
    }

    /// Calls `body` with the host descriptor of `path`'s parent directory and its last component
    /// (`.` for the directory itself). The parent descriptor is closed afterwards.
    func withParent<T>(of path: [UInt8], from base: Int32?,
                       _ body: (Int32, String) -> Result<T, Errno>) -> Result<T, Errno> {
        guard !path.isEmpty else { return .failure(.ENOENT) }
        guard path.first != UInt8(ascii: "/") else { return .failure(.EACCES) }
        let components = path.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
            .filter { $0 != "." }
        guard !components.contains("..") else { return .failure(.EACCES) }
        guard let start = base ?? root() else { return .failure(.ENOENT) }
        var current = dup(start)
        guard current >= 0 else { return .failure(.host) }
        defer { _ = close(current) }
        for name in components.dropLast() {
            var status = stat()
            guard fstatat(current, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .failure(.host) }
            guard status.st_mode & S_IFMT != S_IFLNK else { return .failure(.EACCES) }
            let next = openat(current, name, FileSandbox.openPathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0)
            guard next >= 0 else { return .failure(.host) }
            _ = close(current)
            current = next
        }
        return body(current, components.last ?? ".")
    }

    /// The host status of `path` without following a final symbolic link (`lstat`).
    func status(of path: [UInt8], from base: Int32?) -> Result<stat, Errno> {
        withParent(of: path, from: base) { parent, name in
            var status = stat()
            guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .failure(.host) }
            return .success(status)
        }
    }

    private func root() -> Int32? {
        if let rootDescriptor { return rootDescriptor }
        let fd = Glibc.open(rootPath, FileSandbox.openPathOnly | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        rootDescriptor = fd
        return fd
    }
}
