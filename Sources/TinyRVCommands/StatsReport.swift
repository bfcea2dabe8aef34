import Kernel
#if canImport(Glibc)
import Glibc
#endif

/// The `--stats` summary printed on stderr at exit.
struct StatsReport {
    var lines: [String]

    /// Instructions retired, wall time and MIPS of a bare-metal run.
    static func bare(instructions: UInt64, seconds: Double) -> StatsReport {
        StatsReport(lines: [speedLine(instructions: instructions, seconds: seconds)])
    }

    static func speedLine(instructions: UInt64, seconds: Double) -> String {
        let mips = seconds > 0 ? Double(instructions) / seconds / 1e6 : 0
        return "instructions: \(instructions)  time: \(String(format2: seconds))s  MIPS: \(String(format2: mips))"
    }

    func print() {
        for line in lines { fputs("tinyrv: stats: \(line)\n", stderr) }
    }
}
