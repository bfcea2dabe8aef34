import Testing
@testable import Kernel

/// The /proc directories tinyrv makes: linux_dirent64 records, their snapshot and position.
@Suite struct ProcDirectoriesTests {
    @Test func recordsAreLinuxDirent64PaddedToEightBytes() throws {
        let listing = DirectoryListing(path: "/proc") { [("self", DirectoryListing.symbolicLink), ("100", DirectoryListing.directory)] }
        let bytes = try listing.nextRecords(capacity: 4096).get()
        #expect(bytes.count == 4 * 24)
        #expect(Array(bytes[19..<21]) == Array(".\0".utf8) && bytes[18] == DirectoryListing.directory)
        #expect(Array(bytes[43..<46]) == Array("..\0".utf8) && bytes[42] == DirectoryListing.directory)
        #expect(GuestBytes.word(bytes, at: 48) == 3 && GuestBytes.word(bytes, at: 56) == 3)
        #expect(bytes[64] == 24 && bytes[65] == 0 && bytes[66] == DirectoryListing.symbolicLink)
        #expect(Array(bytes[67..<72]) == Array("self\0".utf8))
        #expect(GuestBytes.word(bytes, at: 80) == 4 && bytes[90] == DirectoryListing.directory)
        #expect(try listing.nextRecords(capacity: 4096).get().isEmpty, "the end")
        listing.position = 3
        #expect(try listing.nextRecords(capacity: 4096).get().count == 24, "a seek to d_off 3")
    }

    @Test func aBufferTooSmallForOneRecordIsEINVALAndMovesNothing() throws {
        let listing = DirectoryListing(path: "/proc") { [("a-long-name", DirectoryListing.regular), ("b", DirectoryListing.regular)] }
        #expect(listing.nextRecords(capacity: 16) == .failure(.EINVAL))
        #expect(try listing.nextRecords(capacity: 48).get().count == 48, ". and ..")
        #expect(try listing.nextRecords(capacity: 32).get().count == 32, "one record fits, the second waits")
        #expect(listing.position == 3)
    }

    @Test func theNamesAreTakenAtTheFirstRead() throws {
        var made = 0
        let listing = DirectoryListing(path: "/proc") {
            made += 1
            return [("x", DirectoryListing.regular)]
        }
        #expect(made == 0)
        _ = listing.nextRecords(capacity: 64)
        _ = listing.nextRecords(capacity: 64)
        #expect(made == 1 && listing.names.map(\.name) == [".", "..", "x"])
    }

    @Test func procPathsNameTheirDirectories() throws {
        let process = try Fixtures.process()
        let base = try process.lookupBase(dirfd: UInt64(bitPattern: -100), for: "/proc")
        let proc = try #require(process.procDirectoryListing("/proc", from: base))
        #expect(proc.names.map(\.name).prefix(4) == [".", "..", "self", "100"])
        let fd = try #require(process.procDirectoryListing("/proc/self/fd", from: base))
        #expect(fd.names.map(\.name) == [".", "..", "0", "1", "2"])
        #expect(fd.path == "/proc/100/fd", "what its descriptor's /proc/self/fd link names")
        #expect(try #require(process.procDirectoryListing("/proc/100", from: base)).names.map(\.name).contains("status"))
        #expect(process.procDirectoryListing("/proc/101", from: base) == nil)
        #expect(process.procDirectoryListing("/proc/self/stat", from: base) == nil)
        #expect(process.procDirectoryListing("/etc", from: base) == nil)
    }
}
