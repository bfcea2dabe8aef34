#if canImport(Glibc)
import Glibc
#endif

/// A scratch directory for sandbox tests:
/// ```
/// root/a.txt "hello"      root/sub/b.txt "bee"     root/link -> a.txt     root/subl -> sub
/// outside.txt (beside root, never reachable)
/// ```
final class TemporaryTree {
    let base: String
    var root: String { base + "/root" }

    init() {
        var template = Array("/tmp/tinyrv-kernel-XXXXXX".utf8CString)
        base = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        mkdir(root, 0o755)
        mkdir(root + "/sub", 0o755)
        write("hello", to: root + "/a.txt")
        write("bee", to: root + "/sub/b.txt")
        write("secret", to: base + "/outside.txt")
        symlink("a.txt", root + "/link")
        symlink("sub", root + "/subl")
    }

    deinit {
        for path in ["/root/a.txt", "/root/sub/b.txt", "/root/link", "/root/subl", "/root/new.txt", "/root/w.txt", "/outside.txt"] {
            unlink(base + path)
        }
        rmdir(root + "/newdir")
        rmdir(root + "/sub")
        rmdir(root)
        rmdir(base)
    }

    func write(_ text: String, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = Glibc.read(fd, &buffer, 256)
        return String(decoding: buffer[..<max(0, n)], as: UTF8.self)
    }
}
