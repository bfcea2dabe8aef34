import Testing
@testable import Kernel

/// /proc/meminfo, uptime, loadavg and the rest of the machine's files, in Linux's formats.
@Suite struct ProcSystemFilesTests {
    @Test func meminfoReportsGuestRAMInKilobytesInLinuxsColumns() throws {
        let frames = try Fixtures.frames(pages: 256)
        _ = frames.allocate()
        let lines = ProcSystemFiles.memoryInfo(frames).split(separator: "\n")
        #expect(lines[0] == "MemTotal:           1024 kB")
        #expect(lines[1] == "MemFree:            1020 kB")
        #expect(lines.allSatisfy { $0.hasSuffix(" kB") })
    }

    @Test func uptimeIsTwoNumbersWithTwoDecimals() {
        let fields = ProcSystemFiles.uptime.dropLast().split(separator: " ")
        #expect(fields.count == 2 && fields.allSatisfy { $0.split(separator: ".").last?.count == 2 && Double($0) != nil })
    }

    @Test func theMachinesFilesAreFoundByPathAndOthersAreNot() throws {
        let process = try Fixtures.process()
        let base = try process.lookupBase(dirfd: UInt64(bitPattern: -100), for: "/proc/cpuinfo")
        let cpuinfo = try #require(process.otherProcFileContents("/proc/cpuinfo", from: base))
        #expect(String(decoding: cpuinfo, as: UTF8.self).contains("isa\t\t: rv64imafdc"))
        #expect(process.otherProcFileContents("/proc/../proc/mounts", from: base) == Array("tinyrv / hostfs rw 0 0\n".utf8))
        #expect(process.otherProcFileContents("/proc/interrupts", from: base) == nil)
        #expect(process.otherProcFileContents("/proc/100/stat", from: base) == nil, "no scheduler: no process list")
        #expect(process.otherProcFileContents("/etc/meminfo", from: base) == nil)
    }
}
