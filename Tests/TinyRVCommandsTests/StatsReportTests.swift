import Kernel
import Testing
@testable import TinyRVCommands

/// The `--stats` lines of a run with many processes.
@Suite struct StatsReportTests {
    func summary(_ pid: Int64, instructions: UInt64, copies: Int) -> ProcessSummary {
        var faults = PageFaultCounts()
        faults.copyOnWrite = copies
        faults.heap = 1
        return ProcessSummary(pid: pid, instructions: instructions, pageFaults: faults, residentPages: 3)
    }

    @Test func aFewProcessesEachGetALine() {
        let machine = MachineStats(tasksCreated: 2, contextSwitches: 4, framesShared: 9,
                                   processes: [summary(101, instructions: 10, copies: 2), summary(100, instructions: 50, copies: 0)])
        #expect(StatsReport.machineLines(machine) == [
            "tasks created: 2  context switches: 4  frames shared: 9",
            "process 101: instructions 10, page faults 3 (heap 1, copy-on-write 2), resident pages 3",
            "process 100: instructions 50, page faults 1 (heap 1), resident pages 3",
        ])
        #expect(StatsReport.machineLines(MachineStats(tasksCreated: 1, contextSwitches: 0, framesShared: 0, processes: [])) == [],
                "one task: no machine lines")
    }

    @Test func manyProcessesShareALineAfterTheFirstOnes() {
        let children = (101...140).map { summary(Int64($0), instructions: 10, copies: 2) }
        let machine = MachineStats(tasksCreated: 41, contextSwitches: 80, framesShared: 400,
                                   processes: children + [summary(100, instructions: 999, copies: 40)])
        let lines = StatsReport.machineLines(machine)
        #expect(lines.count == 1 + StatsReport.processLineLimit + 1)
        #expect(lines[1].hasPrefix("process 101: "))
        #expect(lines[StatsReport.processLineLimit - 1].hasPrefix("process 115: "))
        #expect(lines[StatsReport.processLineLimit].hasPrefix("process 100: instructions 999,"), "the first process keeps its line")
        #expect(lines.last == "25 more processes: instructions 250, page faults 75 (copy-on-write 50)")
    }
}
