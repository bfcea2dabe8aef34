import Foundation
import Testing
@testable import Kernel

@Suite struct ProcFilesTests {
    @Test func mapsListsRegionsAsLinuxFormatsThem() throws {
        var image = Fixtures.image()
        image.path = "/bin/prog"
        let process = try Fixtures.process(image: image)
        _ = process.addressSpace.extend(process.heapRegion, by: 4096)
        let lines = process.memoryMapText.split(separator: "\n").map(String.init)
        let pad = { (prefix: String, name: String) in prefix + String(repeating: " ", count: 73 - prefix.count) + name }
        #expect(lines == [
            pad("00010000-00011000 r-xp 00000000 00:00 0 ", "/bin/prog"),
            pad("00011000-00013000 rw-p 00000000 00:00 0 ", "/bin/prog"),
            pad("00013000-00014000 rw-p 00000000 00:00 0 ", "[heap]"),
            pad("3ffffe0000-3ffffff000 rw-p 00000000 00:00 0 ".replacingOccurrences(of: "3ffffe0000", with: "3fffff5000"), "[stack]"),
        ])
    }

    @Test func procSelfNamesResolveLexicallyAndByPid() throws {
        let process = try Fixtures.process()
        #expect(process.procSelfEntry("/proc/self/maps", from: "/") == "maps")
        #expect(process.procSelfEntry("/proc/100/auxv", from: "/") == "auxv")
        #expect(process.procSelfEntry("self/fd/1", from: "/proc") == "fd/1")
        #expect(process.procSelfEntry("/proc/../proc/self/./exe", from: "/") == "exe")
        #expect(process.procSelfEntry("/proc/101/maps", from: "/") == nil)
        #expect(process.procSelfEntry("/proc/self", from: "/") == nil)
    }

    @Test func devLinksNameTheDescriptorsAsLinuxLinksThemIntoProcSelfFd() throws {
        let process = try Fixtures.process()
        #expect(process.procSelfEntry("/dev/fd/63", from: "/") == "fd/63")
        #expect(process.procSelfEntry("fd/4", from: "/dev") == "fd/4")
        #expect(process.procSelfEntry("/dev/stdin", from: "/") == "fd/0")
        #expect(process.procSelfEntry("/dev/../dev/./stderr", from: "/") == "fd/2")
        #expect(process.procSelfEntry("/dev/fdx/1", from: "/") == nil)
        #expect(process.procSelfEntry("/dev/null", from: "/") == nil)
        #expect(process.procSelfEntry("/dev/fd", from: "/") == "fd")
    }

    @Test func auxvFileHoldsTheInitialStacksPairs() throws {
        let process = try Fixtures.process()
        let fd = try #require(process.openProcFile("auxv", wantsWrite: false)).get().rawValue
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 1024)
        let n = read(fd, &bytes, bytes.count)
        #expect(n == process.auxiliaryVector.count * 16)
        #expect(GuestBytes.word(bytes, at: 0) == 3 && GuestBytes.word(bytes, at: 8) == 0x10040)
        #expect(process.openProcFile("maps", wantsWrite: true) == .failure(.EACCES))
        #expect(process.openProcFile("oom_score", wantsWrite: false) == nil)
    }

    @Test func descriptorsReopenButNeverGainWriting() throws {
        let tree = try SandboxTree()
        let process = try tree.process()
        let fd = try process.open("file.txt")
        #expect(fd >= 3)
        let copy = try #require(process.openProcFile("fd/\(fd)", wantsWrite: false)).get().rawValue
        var bytes = [UInt8](repeating: 0, count: 32)
        #expect(read(copy, &bytes, 32) == 14)
        close(copy)
        #expect(process.openProcFile("fd/\(fd)", wantsWrite: true) == .failure(.EACCES), "opened read-only, so never written")
        #expect(process.openProcFile("fd/77", wantsWrite: false) == nil)
        #expect(process.descriptorLinkTarget("fd/\(fd)") == tree.root + "/file.txt")
    }

    @Test func aDescriptorReopensItsOwnFileEvenOnceItsNameIsGone() throws {
        let tree = try SandboxTree()
        let process = try tree.process()
        let fd = try process.open("file.txt")
        #expect(unlink(tree.root + "/file.txt") == 0)
        let copy = try #require(process.openProcFile("fd/\(fd)", wantsWrite: false)).get().rawValue
        defer { close(copy) }
        var bytes = [UInt8](repeating: 0, count: 32)
        #expect(read(copy, &bytes, 32) == 14)
    }
}
