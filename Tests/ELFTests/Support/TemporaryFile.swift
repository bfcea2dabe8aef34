import Foundation

/// Scratch files and directories for tests, under a fresh directory in the system temporary directory.
enum TemporaryFile {
    /// A new empty directory.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinyrv-elf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a new file and returns its path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let url = try directory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
