import Testing
@testable import Kernel
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileSandboxTests {
    let tree = TemporaryTree()

    func open(_ path: String, writes: Bool = false, flags: Int32 = O_RDONLY) -> Result<Int32, Errno> {
        FileSandbox(rootPath: tree.root, allowsWrites: writes).open(Array(path.utf8), from: nil, flags: flags, mode: 0o644)
    }

    func contents(_ fd: Int32) -> String {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fd, &buffer, 64)
        return String(decoding: buffer[..<max(0, n)], as: UTF8.self)
    }

    @Test func opensFilesBeneathTheRoot() throws {
        #expect(contents(try open("a.txt").get()) == "hello")
        #expect(contents(try open("./sub//b.txt").get()) == "bee")
    }

    @Test func nothingEscapesTheRoot() {
        #expect(open("../outside.txt").failure == .EACCES)
        #expect(open("sub/../a.txt").failure == .EACCES)
        #expect(open(tree.base + "/outside.txt").failure == .EACCES)
        #expect(open("link").failure == .EACCES, "a final symbolic link")
        #expect(open("subl/b.txt").failure == .EACCES, "a symbolic link on the way")
    }

    @Test func missingFilesAreENOENT() {
        #expect(open("missing").failure == .ENOENT)
        #expect(open("").failure == .ENOENT)
        #expect(open("sub/missing/x").failure == .ENOENT)
        let nowhere = FileSandbox(rootPath: tree.base + "/none", allowsWrites: false)
        #expect(nowhere.open(Array("a.txt".utf8), from: nil, flags: O_RDONLY, mode: 0).failure == .ENOENT)
    }

    @Test func writesNeedPermission() throws {
        #expect(open("a.txt", flags: O_WRONLY).failure == .EACCES)
        #expect(open("new.txt", flags: O_WRONLY | O_CREAT).failure == .EACCES)
        #expect(open("a.txt", flags: O_RDONLY | O_TRUNC).failure == .EACCES)
        let fd = try open("new.txt", writes: true, flags: O_WRONLY | O_CREAT).get()
        #expect(write(fd, "x", 1) == 1)
        close(fd)
        #expect(tree.read(tree.root + "/new.txt") == "x")
    }

    @Test func guestOpenFlagsTranslate() {
        #expect(OpenFlags.host(fromGuest: 0o2 | 0o100 | 0o1000 | 0o2000000) == O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC)
        #expect(OpenFlags.host(fromGuest: 0o200000 | 0o100000) == O_DIRECTORY, "O_LARGEFILE is ignored")
        #expect(OpenFlags.host(fromGuest: 0o20000000) == nil, "O_TMPFILE's own bit is not supported")
        #expect(OpenFlags.guest(fromHost: O_WRONLY | O_APPEND | O_NOFOLLOW) == 0o100000 | 0o1 | 0o2000)
    }
}
