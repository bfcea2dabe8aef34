import Foundation
import Testing
@testable import Kernel

/// The sysroot is searched first for absolute paths that only read, never escaped, never written.
/// The tree: `<base>/sysroot/lib/libx.so` ("from sysroot"), `<base>/sysroot/lib/both.txt` ("sysroot copy"),
/// `<base>/sysroot/usr -> /` (an absolute link that must stay inside), and the `SandboxTree` root with
/// `lib/both.txt` ("root copy") and `only-root.txt`.
@Suite struct SysrootTests {
    let tree: SandboxTree
    let sysroot: String

    init() throws {
        tree = try SandboxTree()
        sysroot = tree.base + "/sysroot"
        let manager = FileManager.default
        try manager.createDirectory(atPath: sysroot + "/lib", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: tree.root + "/lib", withIntermediateDirectories: true)
        try Data("from sysroot".utf8).write(to: URL(fileURLWithPath: sysroot + "/lib/libx.so"))
        try Data("sysroot copy".utf8).write(to: URL(fileURLWithPath: sysroot + "/lib/both.txt"))
        try Data("root copy".utf8).write(to: URL(fileURLWithPath: tree.root + "/lib/both.txt"))
        try Data("only root".utf8).write(to: URL(fileURLWithPath: tree.root + "/only-root.txt"))
        try manager.createSymbolicLink(atPath: sysroot + "/usr", withDestinationPath: "/")
    }

    func sandbox(allowWrites: Bool = false) throws -> FileSystemSandbox {
        FileSystemSandbox(root: tree.root, allowWrites: allowWrites, programPath: "prog",
                          sysroot: try #require(Sysroot(path: sysroot)))
    }

    func text(_ opened: HostResult<HostDescriptor>) -> String? {
        guard case .success(let descriptor) = opened else { return nil }
        let fd = descriptor.rawValue
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(fd, &buffer, buffer.count)
        return n < 0 ? nil : String(decoding: buffer[..<n], as: UTF8.self)
    }

    @Test func absoluteReadsLookInTheSysrootFirstThenTheRoot() throws {
        let box = try sandbox()
        #expect(text(box.open("/lib/libx.so", from: "/", flags: .readOnly, searchSysroot: true)) == "from sysroot")
        #expect(text(box.open("/lib/both.txt", from: "/", flags: .readOnly, searchSysroot: true)) == "sysroot copy")
        #expect(text(box.open("/only-root.txt", from: "/", flags: .readOnly, searchSysroot: true)) == "only root")
        #expect(box.open("/lib/none.so", from: "/", flags: .readOnly, searchSysroot: true) == .failure(.ENOENT))
    }

    @Test func theSysrootsOwnHostPathNamesItsFiles() throws {
        let box = try sandbox()
        let hostPath = try #require(Host.realPath(sysroot))
        #expect(text(box.open(hostPath + "/lib/libx.so", from: "/", flags: .readOnly, searchSysroot: true)) == "from sysroot",
                "as a program run from the sysroot finds its siblings through /proc/self/exe")
        #expect(text(box.open(hostPath + "x/lib/libx.so", from: "/", flags: .readOnly, searchSysroot: true)) == nil,
                "a sibling whose name starts the same is not the sysroot")
    }

    @Test func aSysrootGivenThroughASymlinkAnswersToBothPaths() throws {
        let link = tree.base + "/sysroot-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sysroot)
        let box = FileSystemSandbox(root: tree.root, allowWrites: false, programPath: "prog",
                                    sysroot: try #require(Sysroot(path: link)))
        #expect(text(box.open(link + "/lib/libx.so", from: "/", flags: .readOnly, searchSysroot: true)) == "from sysroot",
                "as gcc finds cc1 from argv[0] (make test-debian failed with the sysroot behind a symlink)")
        let canonical = try #require(Host.realPath(sysroot))
        #expect(text(box.open(canonical + "/lib/libx.so", from: "/", flags: .readOnly, searchSysroot: true)) == "from sysroot",
                "and from /proc/self/exe, the canonical path")
    }

    @Test func relativePathsAndWritesUseTheRootOnly() throws {
        let box = try sandbox(allowWrites: true)
        #expect(text(box.open("lib/both.txt", from: "/", flags: .readOnly, searchSysroot: true)) == "root copy")
        #expect(text(box.open("/lib/libx.so", from: "/", flags: .readOnly)) == nil, "lookups that do not read skip it")
        let opened = box.open("/lib/both.txt", from: "/", flags: [.writeOnly, .append], searchSysroot: true)
        #expect((try? opened.get()) != nil)
        if case .success(let fd) = opened { _ = write(fd.rawValue, "!", 1); fd.close() }
        #expect(SandboxTree.contents(of: tree.root + "/lib/both.txt") == "root copy!")
        #expect(SandboxTree.contents(of: sysroot + "/lib/both.txt") == "sysroot copy")
    }

    @Test func nothingEscapesTheSysroot() throws {
        let box = try sandbox()
        #expect(text(box.open("/usr/lib/libx.so", from: "/", flags: .readOnly, searchSysroot: true)) == "from sysroot",
                "the absolute link usr -> / resolves inside the sysroot")
        #expect(text(box.open("/../../outside.txt", from: "/", flags: .readOnly, searchSysroot: true)) == nil)
    }

    @Test func theInterpreterIsReadFromTheSysrootThenTheRoot() throws {
        let found = try InterpreterLookup.read("/lib/libx.so", sysroot: sysroot, fileSystemRoot: tree.root).get()
        #expect(found.bytes == Array("from sysroot".utf8))
        #expect(found.hostPath.hasSuffix("/sysroot/lib/libx.so"))
        let fromRoot = try InterpreterLookup.read("/only-root.txt", sysroot: sysroot, fileSystemRoot: tree.root).get()
        #expect(fromRoot.bytes == Array("only root".utf8))
        #expect(throws: InterpreterLookup.Failure.notFound) {
            try InterpreterLookup.read("/lib/ld.so", sysroot: nil, fileSystemRoot: tree.root).get()
        }
        #expect(throws: InterpreterLookup.Failure.unreadable("not a regular file")) {
            try InterpreterLookup.read("/lib", sysroot: sysroot, fileSystemRoot: tree.root).get()
        }
    }

    @Test func debianCrossLibraryIsTheDefaultWhenInstalled() {
        let installed = access("/usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1", F_OK) == 0
        #expect(Sysroot.defaultPath == (installed ? "/usr/riscv64-linux-gnu" : nil))
        #expect(Sysroot(path: tree.base + "/missing") == nil)
    }
}

extension SysrootTests {
    @Test func removalsTimestampsAndDirectoriesNeverReachTheSysroot() throws {
        let process = try tree.process(allowWrites: true, sysroot: sysroot)
        #expect(try process.open("/lib/libx.so") >= 0, "reads find the sysroot's file")
        #expect(process.call(35, UInt64(bitPattern: -100), try process.guestPath("/lib/libx.so"), 0) == GuestErrno.ENOENT,
                "unlinkat looks in the root only")
        #expect(FileManager.default.fileExists(atPath: sysroot + "/lib/libx.so"))
        #expect(process.call(88, UInt64(bitPattern: -100), try process.guestPath("/lib/libx.so"), 0, 0) == GuestErrno.ENOENT,
                "utimensat looks in the root only")
        #expect(process.call(34, UInt64(bitPattern: -100), try process.guestPath("/lib/new"), 0o755) == 0)
        #expect(FileManager.default.fileExists(atPath: tree.root + "/lib/new"))
        #expect(!FileManager.default.fileExists(atPath: sysroot + "/lib/new"))
    }
}
