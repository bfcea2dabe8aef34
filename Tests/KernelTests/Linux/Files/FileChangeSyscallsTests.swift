import Foundation
import Testing
@testable import Kernel

/// renameat2, linkat, symlinkat, truncate, chmod and chown: refused without `--fs-write`, and never
/// reaching outside the root with it.
@Suite(.serialized) struct FileChangeSyscallsTests {
    let tree: SandboxTree
    let here = UInt64(bitPattern: -100)

    init() throws { tree = try SandboxTree() }

    /// Puts two NUL-terminated paths in scratch memory and returns their addresses.
    func paths(_ process: Kernel.Process, _ first: String, _ second: String) throws -> (UInt64, UInt64) {
        try process.copyOut(Array(second.utf8) + [0], to: Scratch.path + 0x200).get()
        return (try process.guestPath(first), Scratch.path + 0x200)
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test func everyChangeIsRefusedWithoutAllowWritesAndNothingChanges() throws {
        defer { tree.remove() }
        let process = try tree.process()
        let before = mode(tree.root + "/file.txt")
        var (a, b) = try paths(process, "file.txt", "moved.txt")
        #expect(process.call(276, here, a, here, b, 0) == GuestErrno.EACCES)
        #expect(process.call(37, here, a, here, b, 0) == GuestErrno.EACCES)
        #expect(process.call(36, a, here, b) == GuestErrno.EACCES)
        #expect(process.call(45, a, 0) == GuestErrno.EACCES)
        #expect(process.call(53, here, a, 0o600) == GuestErrno.EACCES)
        #expect(process.call(54, here, a, 0, 0, 0) == GuestErrno.EACCES)
        (a, b) = try paths(process, "missing", "sub")
        #expect(process.call(276, here, a, here, b, 0) == GuestErrno.ENOENT, "the source resolves first")
        #expect(process.call(36, a, here, b) == GuestErrno.EEXIST, "an existing name is EEXIST even so")
        let fd = try process.open("file.txt")
        #expect(process.call(52, UInt64(fd), 0o600) == GuestErrno.EACCES)
        #expect(access(tree.root + "/moved.txt", F_OK) != 0)
        #expect(mode(tree.root + "/file.txt") == before)
        #expect(SandboxTree.contents(of: tree.root + "/file.txt") == "hello sandbox\n")
    }

    @Test func changesStayInsideTheRoot() throws {
        defer { tree.remove() }
        let process = try tree.process(allowWrites: true)
        let outsideMode = mode(tree.base + "/outside.txt")
        var (a, b) = try paths(process, "escape", "hard")
        #expect(process.call(37, here, a, here, b, 0x400) == GuestErrno.ENOENT, "a followed link resolves inside the root")
        (a, b) = try paths(process, "absolute-escape", "unused")
        #expect(process.call(53, here, a, 0o777) == GuestErrno.ENOENT)
        #expect(process.call(45, a, 0) == GuestErrno.ENOENT)
        #expect(mode(tree.base + "/outside.txt") == outsideMode)
        #expect(SandboxTree.contents(of: tree.base + "/outside.txt") == "secret\n")
        (a, b) = try paths(process, "file.txt", "/../../moved.txt")
        #expect(process.call(276, here, a, here, b, 0) == 0)
        #expect(access(tree.root + "/moved.txt", F_OK) == 0 && access(tree.base + "/moved.txt", F_OK) != 0)
        (a, b) = try paths(process, "../outside.txt", "out-link")
        #expect(process.call(36, a, here, b) == 0, "any text may be a link's target")
        #expect(try process.open("out-link") == GuestErrno.ENOENT, "but it resolves inside the root")
        #expect(process.call(52, 1, 0o600) == -1, "the inherited streams are never re-moded (EPERM)")
        #expect(process.call(55, 0, 0, 0) == -1, "nor re-owned")
    }
}
