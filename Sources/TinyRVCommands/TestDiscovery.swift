import Glibc

/// Finds test programs on disk without Foundation.
enum TestDiscovery {
    /// The ELF files directly inside directory `path` (sorted by name), or `[path]` for a file;
    /// nil when nothing exists at `path`. Files that do not start with the ELF magic are skipped.
    static func programs(at path: String) -> [String]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            if isELF(full) { names.append(full) }
        }
        return names.sorted()
    }

    /// True when `path` is a regular file that begins with "\x7fELF".
    static func isELF(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var magic = [UInt8](repeating: 0, count: 4)
        return read(fd, &magic, 4) == 4 && magic == [0x7f, 0x45, 0x4c, 0x46]
    }

    /// The path of the running tinyrv binary, so tests run exactly this build.
    static func selfExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { throw Failure(status: ExitStatus.usageOrInternal, message: "cannot find my own executable") }
        buffer[n] = 0
        return String(cString: buffer)
    }
}
