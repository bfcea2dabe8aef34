import Foundation
import Testing
@testable import Kernel

/// statfs and fstatfs: the host's answer in riscv64's layout, for files of the root only.
@Suite struct FileSystemSyscallsTests {
    let tree: SandboxTree

    init() throws { tree = try SandboxTree() }

    @Test func statfsDescribesTheRootsFileSystem() throws {
        defer { tree.remove() }
        let process = try tree.process()
        #expect(process.call(43, try process.guestPath("sub"), Scratch.buffer) == 0)
        let layout = try #require(process.peek(Scratch.buffer, count: FileSystemSyscalls.structSize))
        #expect(GuestBytes.word(layout, at: 8) > 0, "f_bsize")
        #expect(GuestBytes.word(layout, at: 64) == 255, "f_namelen")
        #expect(process.call(43, try process.guestPath("absolute-escape"), Scratch.buffer) == GuestErrno.ENOENT)
        #expect(process.call(44, 77, Scratch.buffer) == GuestErrno.EBADF)
    }
}
