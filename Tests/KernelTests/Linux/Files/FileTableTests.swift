import Testing
@testable import Kernel

/// The file table's memory of which file a descriptor is (for the page cache's coherence).
@Suite struct FileTableTests {
    @Test func aDescriptorsFileIsLearnedOnceAndForgottenAtClose() throws {
        let tree = TemporaryTree()
        let table = FileTable()
        let a = try Host.open(tree.root + "/a.txt", flags: .readOnly).get()
        let fd = try #require(table.allocate(.owned(a)))
        let identity = try #require(table.fileIdentity(of: a))
        let status = try a.status().get()
        #expect(identity == FileIdentity(device: status.device, inode: status.inode))
        #expect(table.close(Int64(fd)))
        let b = try Host.open(tree.root + "/sub/b.txt", flags: .readOnly).get()
        #expect(b == a, "the host reuses the lowest free number")
        _ = try #require(table.allocate(.owned(b)))
        #expect(table.fileIdentity(of: b) == FileTable.fileIdentity(of: b) && table.fileIdentity(of: b) != identity)
    }

    @Test func pipesAndDirectoriesAreNoRegularFiles() throws {
        let tree = TemporaryTree()
        let table = FileTable()
        let pipe = try Host.makePipe(flags: .nonBlocking).get()
        _ = try #require(table.allocate(.pipe(pipe.reader, PipeEnd(nonBlocking: false))))
        #expect(table.fileIdentity(of: pipe.reader) == nil)
        pipe.writer.close()
        let directory = try Host.open(tree.root, flags: [.readOnly, .directory]).get()
        defer { directory.close() }
        #expect(FileTable.fileIdentity(of: directory) == nil)
    }
}
