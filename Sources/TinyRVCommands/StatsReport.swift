import Kernel
import Glibc

/// The `--stats` summary printed on stderr at exit.
struct StatsReport {
    var lines: [String]

    /// Instructions retired, wall time and MIPS of a bare-metal run.
    static func bare(instructions: UInt64, seconds: Double) -> StatsReport {
        StatsReport(lines: [speedLine(instructions: instructions, seconds: seconds)])
    }

    /// Speed, page faults per region and resident pages of a hosted run.
    static func hosted(_ stats: RunStats, seconds: Double) -> StatsReport {
        let faults = stats.pageFaults.byRegion.filter { $0.count > 0 }.map { "\($0.region) \($0.count)" }
        return StatsReport(lines: [
            speedLine(instructions: stats.instructionsRetired, seconds: seconds),
            "page faults: \(stats.pageFaults.total)" + (faults.isEmpty ? "" : " (" + faults.joined(separator: ", ") + ")")
                + "; filled from files: \(stats.pageFaults.fileFills), from the page cache: \(stats.pageFaults.cacheFills)",
            "resident pages: stack \(stats.residentStackPages), heap \(stats.residentHeapPages); frames in use \(stats.framesInUse) (peak \(stats.peakFramesInUse))",
        ] + machineLines(stats.machine))
    }

    /// The most processes that get a line of their own; the others share one line.
    static let processLineLimit = 16

    /// With more than one task: the run's tasks, switches and shared frames, then one line per
    /// process in the order they ended (the first process last); past `processLineLimit`, the
    /// processes after the first ones to end are summed up in one line.
    static func machineLines(_ machine: MachineStats?) -> [String] {
        guard let machine, machine.tasksCreated > 1 else { return [] }
        var shown = machine.processes
        var others: ArraySlice<ProcessSummary> = []
        if shown.count > processLineLimit, let first = shown.popLast() {
            others = shown[(processLineLimit - 1)...]
            shown = Array(shown[..<(processLineLimit - 1)]) + [first]
        }
        let header = "tasks created: \(machine.tasksCreated)  context switches: \(machine.contextSwitches)  frames shared: \(machine.framesShared)"
        return [header] + shown.map(processLine) + (others.isEmpty ? [] : [othersLine(others)])
    }

    /// One process's instructions, page faults by region and resident pages.
    static func processLine(_ process: ProcessSummary) -> String {
        let faults = process.pageFaults.byRegion.filter { $0.count > 0 }.map { "\($0.region) \($0.count)" }
        return "process \(process.pid): instructions \(process.instructions), page faults \(process.pageFaults.total)"
            + (faults.isEmpty ? "" : " (" + faults.joined(separator: ", ") + ")") + ", resident pages \(process.residentPages)"
    }

    /// The sums of the processes that get no line of their own.
    static func othersLine(_ others: ArraySlice<ProcessSummary>) -> String {
        let instructions = others.reduce(UInt64(0)) { $0 + $1.instructions }
        let faults = others.reduce(0) { $0 + $1.pageFaults.total }
        let copies = others.reduce(0) { $0 + $1.pageFaults.copyOnWrite }
        return "\(others.count) more processes: instructions \(instructions), page faults \(faults) (copy-on-write \(copies))"
    }

    static func speedLine(instructions: UInt64, seconds: Double) -> String {
        let mips = seconds > 0 ? Double(instructions) / seconds / 1e6 : 0
        return "instructions: \(instructions)  time: \(String(format2: seconds))s  MIPS: \(String(format2: mips))"
    }

    func print() {
        for line in lines { fputs("tinyrv: stats: \(line)\n", stderr) }
    }
}
