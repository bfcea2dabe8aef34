#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Kernel

/// The sandbox rules of `FileSystemSandbox`, against a temporary tree.
@Suite struct FileSystemSandboxTests {
    let tree: SandboxTree
    init() throws { tree = try SandboxTree() }

    @Test func readsUnderTheRootSucceed() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let fd = try process.open("file.txt")
        #expect(fd == 3, "the lowest free descriptor")
        #expect(process.readText(fd) == "hello sandbox\n")
        #expect(process.readText(fd) == "", "end of file")
        #expect(process.readText(try process.open("/sub/inner.txt")) == "inner\n", "absolute paths start at the root")
        #expect(process.readText(try process.open("inside-link")) == "inner\n", "symlinks inside the root work")
        #expect(process.readText(try process.open("sub/../file.txt")) == "hello sandbox\n")
        #expect(process.readText(try process.open(tree.root + "/file.txt")) == "hello sandbox\n",
                "the root's host path (what getcwd reports) names the root")
    }

    @Test func directoriesAboveTheRootOnItsHostPathAreEmptyDirectories() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let above = try process.open(tree.base, flags: 0o200000)
        #expect(above >= 3, "the root's parent, as getcwd's answer names it, is a directory")
        let directory = try #require(process.files[above]).hostDescriptor
        #expect(try directory.status().get().type == .directory)
        var entries = [UInt8](repeating: 0, count: 256)
        let listed = entries.withUnsafeMutableBytes { directory.readDirectoryEntries(into: $0) }
        #expect(listed == .failure(.ENOENT), "a removed directory lists nothing: outside.txt stays hidden")
        #expect(try process.open(tree.base + "/outside.txt") == GuestErrno.ENOENT, "what lies beside the root stays unseen")
        #expect(try process.open(tree.base + "x") == GuestErrno.ENOENT, "only whole components above the root")
        #expect(try process.open("/sub") >= 3, "a name the root holds is the root's")
    }

    @Test func theHarmlessDevicesAreTheHostsWithoutFsWrite() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let random = try process.open("/dev/urandom")
        #expect(random >= 3)
        #expect(process.call(63, UInt64(random), Scratch.buffer, 16) == 16)
        let full = try process.open("/dev/../dev/full", flags: OpenFlags.writeOnly)
        #expect(process.call(64, UInt64(full), Scratch.buffer, 4) == -28, "/dev/full is always full (ENOSPC)")
        #expect(try process.open("/dev/tty") == GuestErrno.ENOENT, "not every device: only what the root holds")
    }

    @Test func escapesFindNothing() throws {
        defer { tree.remove() }
        let process = try tree.process()
        #expect(try process.open("../outside.txt") == GuestErrno.ENOENT, "`..` stops at the root")
        #expect(try process.open("sub/../../outside.txt") == GuestErrno.ENOENT)
        #expect(try process.open("/../outside.txt") == GuestErrno.ENOENT)
        #expect(try process.open(tree.base + "/outside.txt") == GuestErrno.ENOENT, "absolute host paths resolve inside")
        #expect(try process.open("escape") == GuestErrno.ENOENT, "a relative symlink cannot leave")
        #expect(try process.open("absolute-escape") == GuestErrno.ENOENT, "an absolute symlink resolves inside")
        #expect(try process.open("/proc/self/root/etc/passwd") == GuestErrno.ENOENT)
        #expect(try process.open("file.txt/x") == GuestErrno.ENOTDIR)
        #expect(try process.open("") == GuestErrno.ENOENT)
        #expect(try process.open("escape", flags: OpenFlags.noFollow) == -40, "O_NOFOLLOW on a symlink is ELOOP")
    }

    @Test func writesAreRefusedWithoutAllowWrites() throws {
        defer { tree.remove() }
        let process = try tree.process()
        #expect(try process.open("file.txt", flags: OpenFlags.writeOnly) == GuestErrno.EACCES)
        #expect(try process.open("file.txt", flags: OpenFlags.readWrite) == GuestErrno.EACCES)
        #expect(try process.open("file.txt", flags: OpenFlags.truncate) == GuestErrno.EACCES)
        #expect(try process.open("new.txt", flags: OpenFlags.writeOnly | OpenFlags.create) == GuestErrno.EACCES)
        #expect(try process.open("missing.txt", flags: OpenFlags.writeOnly) == GuestErrno.ENOENT)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 0) == GuestErrno.EACCES)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("missing"), 0) == GuestErrno.ENOENT)
        #expect(process.call(34, UInt64(bitPattern: -100), try process.guestPath("newdir"), 0o755) == GuestErrno.EACCES)
        #expect(process.call(34, UInt64(bitPattern: -100), try process.guestPath("sub"), 0o755) == GuestErrno.EEXIST)
        #expect(access(tree.root + "/new.txt", F_OK) != 0 && access(tree.root + "/newdir", F_OK) != 0)
        #expect(access(tree.root + "/file.txt", F_OK) == 0)
        let fd = try process.open("file.txt")
        #expect(process.call(64, UInt64(fd), Scratch.buffer, 4) == GuestErrno.EBADF, "read-only descriptor")
    }

    @Test func writesWorkWithAllowWrites() throws {
        defer { tree.remove() }
        let process = try tree.process(allowWrites: true)
        let fd = try process.open("new.txt", flags: OpenFlags.writeOnly | OpenFlags.create | OpenFlags.truncate)
        #expect(fd == 3)
        try process.copyOut(Array("written".utf8), to: Scratch.buffer).get()
        #expect(process.call(64, UInt64(fd), Scratch.buffer, 7) == 7)
        #expect(process.call(68, UInt64(fd), Scratch.buffer, 1, 7) == 1, "pwrite64")
        #expect(SandboxTree.contents(of: tree.root + "/new.txt") == "writtenw")
        #expect(process.call(34, UInt64(bitPattern: -100), try process.guestPath("made"), 0o755) == 0)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("made"), 0) == GuestErrno.EISDIR)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("made/"), 0x200) == 0)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("new.txt"), 0) == 0)
        #expect(access(tree.root + "/new.txt", F_OK) != 0 && access(tree.root + "/made", F_OK) != 0)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("../outside.txt"), 0) == GuestErrno.ENOENT)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("sub/.."), 0x200) == -39, "ENOTEMPTY")
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("escape"), 0) == 0, "removes the link only")
        #expect(access(tree.base + "/outside.txt", F_OK) == 0)
        #expect(try process.open("../escaped.txt", flags: OpenFlags.writeOnly | OpenFlags.create) >= 0)
        #expect(access(tree.base + "/escaped.txt", F_OK) != 0 && access(tree.root + "/escaped.txt", F_OK) == 0,
                "created inside the root")
    }

    @Test func directoryDescriptorsAnchorRelativeLookups() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let sub = try process.open("sub", flags: OpenFlags.directory)
        #expect(sub >= 0)
        #expect(process.readText(try process.open("inner.txt", directory: sub)) == "inner\n")
        #expect(process.readText(try process.open("../file.txt", directory: sub)) == "hello sandbox\n")
        #expect(try process.open("../../outside.txt", directory: sub) == GuestErrno.ENOENT)
        let file = try process.open("file.txt")
        #expect(try process.open("x", directory: file) == GuestErrno.ENOTDIR)
        #expect(try process.open("x", directory: 77) == GuestErrno.EBADF)
        #expect(process.readText(try process.open("/file.txt", directory: 77)) == "hello sandbox\n", "absolute ignores dirfd")
        #expect(try process.open("file.txt", flags: OpenFlags.directory) == GuestErrno.ENOTDIR)
        #expect(process.call(63, UInt64(sub), Scratch.buffer, 16) == GuestErrno.EISDIR)
    }

    @Test func aDirectoryDescriptorIsResolvedByItselfNotByItsName() throws {
        defer { tree.remove() }
        let process = try tree.process(allowWrites: true)
        #expect(mkdir(tree.root + "/x", 0o755) == 0)
        let x = try process.open("x", flags: OpenFlags.directory)
        #expect(x >= 0)
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("x"), DirectoryChangeSyscalls.removeDirectory) == 0)
        #expect(mkdir(tree.root + "/x (deleted)", 0o755) == 0, "a directory named as /proc/self/fd shows the removed one")
        #expect(try process.open("new", flags: OpenFlags.writeOnly | OpenFlags.create, directory: x) == GuestErrno.ENOENT,
                "Linux: nothing can be created in a removed directory")
        #expect(access(tree.root + "/x (deleted)/new", F_OK) != 0)
        #expect(process.call(34, UInt64(bitPattern: x), try process.guestPath("made"), 0o755) == GuestErrno.ENOENT)
        #expect(access(tree.root + "/x (deleted)/made", F_OK) != 0)
        #expect(process.call(48, UInt64(bitPattern: x), try process.guestPath("."), 0) == 0, "the directory itself is still there")
    }

    @Test func aRenamedDirectoryDescriptorFollowsTheDirectory() throws {
        defer { tree.remove() }
        let process = try tree.process(allowWrites: true)
        let sub = try process.open("sub", flags: OpenFlags.directory)
        #expect(rename(tree.root + "/sub", tree.root + "/moved") == 0)
        #expect(mkdir(tree.root + "/sub", 0o755) == 0)
        #expect(process.readText(try process.open("inner.txt", directory: sub)) == "inner\n")
        #expect(try process.open("made.txt", flags: OpenFlags.writeOnly | OpenFlags.create, directory: sub) >= 0)
        #expect(access(tree.root + "/moved/made.txt", F_OK) == 0 && access(tree.root + "/sub/made.txt", F_OK) != 0)
        #expect(process.readText(try process.open("../file.txt", directory: sub)) == "hello sandbox\n")
        #expect(process.call(34, UInt64(bitPattern: sub), try process.guestPath("d"), 0o755) == 0)
        #expect(access(tree.root + "/moved/d", F_OK) == 0)
        #expect(process.call(35, UInt64(bitPattern: sub), try process.guestPath("d"), DirectoryChangeSyscalls.removeDirectory) == 0)
        #expect(access(tree.root + "/moved/d", F_OK) != 0)
    }

    @Test func aMissingRootFailsEveryLookup() throws {
        defer { tree.remove() }
        let process = try tree.process(root: tree.base + "/no-such-root")
        #expect(try process.open("file.txt") == GuestErrno.ENOENT)
        #expect(process.call(48, UInt64(bitPattern: -100), try process.guestPath("file.txt"), 0) == GuestErrno.ENOENT)
    }

    @Test func theGuestStartsInTinyrvsDirectoryWhenItIsUnderTheRoot() throws {
        #expect(FileSystemSandbox.guestPath(of: "/tmp/x", under: "/tmp/x") == "/")
        #expect(FileSystemSandbox.guestPath(of: "/tmp/x/y/z", under: "/tmp/x") == "/y/z")
        #expect(FileSystemSandbox.guestPath(of: "/tmp/xy", under: "/tmp/x") == nil, "a sibling with the same prefix")
        #expect(FileSystemSandbox.guestPath(of: "/tmp", under: "/tmp/x") == nil)
        #expect(FileSystemSandbox.guestPath(of: "/tmp/x", under: "/") == "/tmp/x")
        let sandbox = FileSystemSandbox(root: "/", allowWrites: false, programPath: "/bin/sh")
        #expect(sandbox.workingDirectoryHostPath == Host.workingDirectoryPath)
        let elsewhere = try tree.process(root: tree.base)
        #expect(elsewhere.fileSystem.workingDirectoryHostPath == Host.realPath(tree.base), "the tests run outside the tree")
    }
}
