import Testing
import ELF

/// Damaged files must produce a value or a typed error, never a crash.
@Suite struct RobustnessTests {
    @Test func everyTruncationIsRejectedWithATypedError() {
        let bytes = ELFBuilder.sample().build()
        var outcomes: [String: Int] = [:]
        for length in 0..<bytes.count {
            do {
                _ = try ELFFile(bytes: Array(bytes.prefix(length)))
                Issue.record("prefix of \(length) bytes parsed")
            } catch {
                outcomes[String(describing: error).components(separatedBy: ":").first!, default: 0] += 1
            }
        }
        #expect(outcomes["not an ELF file"] == 4)
        #expect(outcomes["truncated"] != nil)
        #expect(outcomes["segment 0 lies outside the file"] != nil)
    }

    @Test(arguments: [UInt8(0x00), 0xff, 0x80])
    func overwritingAnyByteNeverCrashes(_ value: UInt8) {
        let original = ELFBuilder.sample().build()
        var parsed = 0
        for offset in original.indices {
            var bytes = original
            bytes[offset] = value
            if (try? ELFFile(bytes: bytes)) != nil { parsed += 1 }
        }
        #expect(parsed > 0 && parsed < original.count)
    }
}
