import Testing
@testable import Kernel

/// The /proc directories tinyrv makes: linux_dirent64 records, their snapshot and position.
@Suite struct ProcDirectoriesTests {
    @Test func recordsAreLinuxDirent64PaddedToEightBytes() throws {
        let listing = DirectoryListing { [("self", DirectoryListing.symbolicLink), ("100", DirectoryListing.directory)] }
        let bytes = try listing.nextRecords(capacity: 4096).get()
        #expect(bytes.count == 24 + 24)
        #expect(GuestBytes.word(bytes, at: 0) == 1 && GuestBytes.word(bytes, at: 8) == 1)
        #expect(bytes[16] == 24 && bytes[17] == 0 && bytes[18] == DirectoryListing.symbolicLink)
        #expect(Array(bytes[19..<24]) == Array("self\0".utf8))
        #expect(GuestBytes.word(bytes, at: 32) == 2 && bytes[42] == DirectoryListing.directory)
        #expect(try listing.nextRecords(capacity: 4096).get().isEmpty, "the end")
        listing.position = 1
        #expect(try listing.nextRecords(capacity: 4096).get().count == 24, "a seek to d_off 1")
    }

    @Test func aBufferTooSmallForOneRecordIsEINVALAndMovesNothing() throws {
        let listing = DirectoryListing { [("a-long-name", DirectoryListing.regular), ("b", DirectoryListing.regular)] }
        #expect(listing.nextRecords(capacity: 16) == .failure(.EINVAL))
        #expect(try listing.nextRecords(capacity: 32).get().count == 32, "one record fits, the second waits")
        #expect(listing.position == 1)
    }

    @Test func theNamesAreTakenAtTheFirstRead() throws {
        var made = 0
        let listing = DirectoryListing {
            made += 1
            return [("x", DirectoryListing.regular)]
        }
        #expect(made == 0)
        _ = listing.nextRecords(capacity: 64)
        _ = listing.nextRecords(capacity: 64)
        #expect(made == 1 && listing.names.count == 1)
    }

    @Test func procPathsNameTheirDirectories() throws {
        let process = try Fixtures.process()
        let base = try process.lookupBase(dirfd: UInt64(bitPattern: -100), for: "/proc")
        let proc = try #require(process.procDirectoryListing("/proc", from: base))
        #expect(proc.names.map(\.name).prefix(2) == ["self", "100"])
        #expect(try #require(process.procDirectoryListing("/proc/self/fd", from: base)).names.map(\.name) == ["0", "1", "2"])
        #expect(try #require(process.procDirectoryListing("/proc/100", from: base)).names.map(\.name).contains("status"))
        #expect(process.procDirectoryListing("/proc/101", from: base) == nil)
        #expect(process.procDirectoryListing("/proc/self/stat", from: base) == nil)
        #expect(process.procDirectoryListing("/etc", from: base) == nil)
    }
}
