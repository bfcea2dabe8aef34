import Testing
@testable import Kernel

/// /proc/<pid>/stat, status, cmdline and comm as Linux formats them, from the process's state.
@Suite struct ProcProcessFilesTests {
    @Test func statIsOneLineOf52FieldsNamingTheProcess() throws {
        let process = try Fixtures.process()
        process.taskName = Array("my prog".utf8)
        let line = process.statLine
        #expect(line.hasSuffix("\n") && line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasPrefix("100 (my prog) Z "), "no scheduler runs it: no live thread")
        let afterName = line.split(separator: ")", maxSplits: 1)[1].split(separator: " ")
        #expect(afterName.count + 2 == 52)
        #expect(afterName[1] == Substring(String(process.family.parentPID)) && afterName[2] == "100" && afterName[3] == "100")
        #expect(afterName[20] == Substring(String(process.addressSpace.regions.reduce(0) { $0 + ($1.pageEnd - $1.start) })))
        #expect(afterName[25] == Substring(String(process.initialStackPointer)))
    }

    @Test func statusListsTheIdsAndTheSignalSets() throws {
        let process = try Fixtures.process()
        process.signals.mask = 1 << 9
        let status = process.statusText
        #expect(status.hasPrefix("Name:\t"))
        #expect(status.contains("\nPid:\t100\n") && status.contains("\nTgid:\t100\n") && status.contains("\nUmask:\t0022\n"))
        #expect(status.contains("\nSigBlk:\t0000000000000200\n"))
        #expect(status.contains("\nVmStk:\t40 kB\n"), "the 10-page stack region")
    }

    @Test func cmdlineIsTheArgumentsEachEndedByNul() throws {
        var options = Fixtures.options()
        options.arguments = ["prog", "a b", ""]
        let process = try Fixtures.process(options: options)
        #expect(process.generatedProcContents("cmdline") == Array("prog\0a b\0\0".utf8))
        #expect(process.generatedProcContents("comm") == process.taskName + [10])
        #expect(process.generatedProcContents("oom_score") == nil)
    }
}
