import Glibc

/// Reads a whole regular file into memory, for `ELFFile.init(path:)`.
enum FileReading {
    /// The file's bytes. Throws `.fileNotFound(path)` when nothing exists at `path` (ENOENT, ENOTDIR)
    /// and `.unreadable(path, reason)` for every other failure, including a directory.
    static func contents(of path: String) throws(ELFError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path, "not a regular file") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> ELFError {
        if code == ENOENT || code == ENOTDIR { return .fileNotFound(path) }
        return .unreadable(path, String(cString: strerror(code)))
    }
}
