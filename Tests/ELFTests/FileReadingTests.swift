import Testing
@testable import ELF

@Suite struct FileReadingTests {
    @Test func readsEveryByteOfAFileLargerThanOneChunk() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let contents = try TemporaryFile.withFile(bytes, named: "big") { try FileReading.contents(of: $0) }
        #expect(contents == bytes)
    }

    @Test func missingPathIsFileNotFound() {
        #expect(throws: ELFError.fileNotFound("/nonexistent/tinyrv/prog")) {
            try ELFFile(path: "/nonexistent/tinyrv/prog")
        }
    }

    @Test func directoryIsUnreadable() {
        #expect(throws: ELFError.unreadable("/tmp", "not a regular file")) { try ELFFile(path: "/tmp") }
    }

    @Test func pathThroughAFileIsNotFound() throws {
        try TemporaryFile.withFile([1], named: "plain") { path in
            #expect(throws: ELFError.fileNotFound(path + "/inner")) { try ELFFile(path: path + "/inner") }
        }
    }
}
