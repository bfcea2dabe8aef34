import Testing
@testable import Kernel

/// The file wrappers of the host boundary: typed results, errno as `Errno`, O_CLOEXEC on every
/// descriptor tinyrv opens.
@Suite struct HostFilesTests {
    @Test func openingUnderARootStaysInsideIt() throws {
        let tree = TemporaryTree()
        let root = try HostDescriptor.workingDirectory.open(tree.root, flags: [.path, .directory]).get()
        defer { root.close() }
        let file = try root.open("/../a.txt", flags: .readOnly, resolution: [.inRoot, .noMagicLinks]).get()
        defer { file.close() }
        #expect(try file.status().get().size == 5)
        #expect(try file.statusFlags().get().accessMode == .readOnly)
        #expect(root.open("../outside.txt", flags: .readOnly, resolution: .beneath) == .failure(.EXDEV))
        #expect(root.open("missing", flags: .readOnly, resolution: .inRoot) == .failure(.ENOENT))
    }

    @Test func directoryEntriesAreMadeAskedAboutAndRemoved() throws {
        let tree = TemporaryTree()
        let root = try HostDescriptor.workingDirectory.open(tree.root, flags: [.path, .directory]).get()
        defer { root.close() }
        #expect(try root.status(ofEntry: "link").get().type == .symbolicLink)
        #expect((try? root.makeDirectory(named: "newdir", mode: 0o755).get()) != nil)
        #expect(root.makeDirectory(named: "newdir", mode: 0o755).map { true } == .failure(.EEXIST))
        #expect(try root.status(ofEntry: "newdir").get().type == .directory)
        #expect(root.removeEntry(named: "newdir", isDirectory: false).map { true } == .failure(.EISDIR))
        #expect((try? root.removeEntry(named: "newdir", isDirectory: true).get()) != nil)
        let link = try root.open("link", flags: [.path, .noFollow]).get()
        defer { link.close() }
        #expect(try link.linkText(maxLength: 64).get() == Array("a.txt".utf8))
        #expect(link.hostPath == tree.root + "/link")
    }

    @Test func descriptorsDuplicateSeekAndChangeStatusFlags() throws {
        let pipe = try Host.makePipe(flags: .nonBlocking).get()
        defer { pipe.reader.close(); pipe.writer.close() }
        #expect(try pipe.reader.statusFlags().get().contains(.nonBlocking))
        #expect((try? pipe.reader.setStatusFlags([]).get()) != nil)
        #expect(try !pipe.reader.statusFlags().get().contains(.nonBlocking))
        #expect(try pipe.writer.statusFlags().get().allowsWriting)
        #expect(pipe.reader.seek(to: 0, from: .start) == .failure(.ESPIPE))
        let copy = try pipe.writer.duplicate().get()
        defer { copy.close() }
        #expect(copy != pipe.writer && copy.rawValue > 2)
        #expect(HostDescriptor(rawValue: -1).duplicate() == .failure(.EBADF))
    }

    @Test func guestOpenFlagsTranslateBothWays() {
        let guest = OpenFlags.writeOnly | OpenFlags.create | OpenFlags.truncate | OpenFlags.closeOnExec
        let host = HostOpenFlags(guest: guest)
        #expect(host == [.writeOnly, .create, .truncate, .closeOnExec])
        #expect(host.changesFiles && host.creates && !host.allowsReading)
        #expect(HostOpenFlags(guest: OpenFlags.temporaryFileBit | OpenFlags.directory) == .temporaryFile)
        #expect(!HostOpenFlags.path.changesFiles)
    }
}
