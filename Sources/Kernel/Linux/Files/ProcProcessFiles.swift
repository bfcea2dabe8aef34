/// The files of `/proc/<pid>/` (and `/proc/self/`) that tinyrv makes from a process's state, in
/// Linux's formats (fs/proc/array.c, fs/proc/base.c): `stat`, `status`, `cmdline`, `environ`,
/// `comm`, `maps`, `auxv`, `mounts` and `mountinfo`. CPU time is counted as Linux's clock ticks
/// (100 a second) at a nominal 100 MIPS, as getrusage does.
extension Process {
    /// Instructions a clock tick stands for (100 MIPS, 100 ticks a second).
    static let instructionsPerTick: UInt64 = 1_000_000

    /// The files `generatedProcContents` makes, as /proc/<pid> lists them.
    static let generatedProcNames = ["auxv", "cmdline", "comm", "environ", "maps", "mountinfo", "mounts", "stat", "status"]

    /// The contents of `entry` of this process's /proc directory, or nil when tinyrv makes no such file.
    func generatedProcContents(_ entry: String) -> [UInt8]? {
        switch entry {
        case "maps": return Array(memoryMapText.utf8)
        case "auxv": return GuestBytes.words(auxiliaryVector.flatMap { [$0.key, $0.value] })
        case "cmdline": return runOptions.arguments.flatMap { Array($0.utf8) + [0] }
        case "environ": return runOptions.environment.flatMap { Array($0.utf8) + [0] }
        case "comm": return taskName + [UInt8(ascii: "\n")]
        case "stat": return Array(statLine.utf8)
        case "status": return Array(statusText.utf8)
        case "mounts": return Array(ProcSystemFiles.mountsText.utf8)
        case "mountinfo": return Array(ProcSystemFiles.mountInfoText.utf8)
        default: return nil
        }
    }

    /// The threads of this process that have not exited.
    private var liveTasks: [Task] { scheduler?.tasks.filter { $0.process === self } ?? [] }

    /// Linux's one-letter state and its name: R for a process with a runnable thread, S when every
    /// thread waits, Z once it has exited.
    private var stateLetter: (letter: String, name: String) {
        if family.waitStatus != nil || liveTasks.isEmpty { return ("Z", "zombie") }
        return liveTasks.contains(where: \.isRunnable) ? ("R", "running") : ("S", "sleeping")
    }

    /// Bytes of address space the regions span (VmSize).
    private var virtualSize: UInt64 { addressSpace.regions.reduce(0) { $0 + ($1.pageEnd - $1.start) } }

    /// Resident pages of every region (VmRSS, in pages).
    private var residentPageCount: Int { addressSpace.regions.reduce(0) { $0 + $1.residentPages } }

    /// The span of the first code region (startcode, endcode), or zeros.
    private var codeSpan: (start: UInt64, end: UInt64) {
        addressSpace.regions.first { $0.kind == .code }.map { ($0.start, $0.end) } ?? (0, 0)
    }

    /// The signals with handlers and the ignored ones, as bit sets (bit n-1 for signal n).
    private var caughtAndIgnored: (caught: UInt64, ignored: UInt64) {
        signals.actions.keys.reduce((0, 0)) { sets, signal in
            let handler = signals.action(signal).handler
            let bit: UInt64 = signal >= 1 && signal <= 64 ? 1 << (signal - 1) : 0
            if handler == SignalAction.ignoreHandler { return (sets.0, sets.1 | bit) }
            return handler == SignalAction.defaultHandler ? sets : (sets.0 | bit, sets.1)
        }
    }

    /// `/proc/<pid>/stat`: the 52 fields of one line, the name in parentheses.
    var statLine: String {
        let instructions = scheduler?.instructions(of: self) ?? hart.instructionsRetired
        let sets = caughtAndIgnored
        let code = codeSpan
        let heap = addressSpace[heapRegion]
        let fields: [String] = [
            String(family.pid), "(\(String(decoding: taskName, as: UTF8.self)))", stateLetter.letter,
            String(family.parentPID), String(family.processGroup), String(family.session), "0", "-1", "4194304",
            String(pageFaults.total), "0", "0", "0", String(instructions / Process.instructionsPerTick), "0", "0", "0",
            String(20 + niceValue), String(niceValue), String(max(1, liveTasks.count)), "0",
            String(startTime / 10_000_000), String(virtualSize), String(residentPageCount),
            String(UInt64.max), String(code.start), String(code.end), String(initialStackPointer), "0", "0",
            "0", String(signals.mask), String(sets.ignored), String(sets.caught), "0", "0", "0",
            String(family.exitSignal), "0", "0", "0", "0", "0", "0",
            "0", "0", String(heap.start), "0", "0", "0", "0", String(family.waitStatus.map { Int64($0) } ?? 0),
        ]
        return fields.joined(separator: " ") + "\n"
    }

    /// `/proc/<pid>/status`: the fields ps, top and programs that read their own limits use.
    var statusText: String {
        let sets = caughtAndIgnored
        let state = stateLetter
        let uid = Host.userID, gid = Host.groupID
        let kilobytes = { (bytes: UInt64) in "\(bytes / 1024) kB" }
        let lines: [(String, String)] = [
            ("Name", String(decoding: taskName, as: UTF8.self)), ("Umask", Process.octal(fileCreationMask)),
            ("State", "\(state.letter) (\(state.name))"), ("Tgid", String(family.pid)), ("Ngid", "0"),
            ("Pid", String(family.pid)), ("PPid", String(family.parentPID)), ("TracerPid", "0"),
            ("Uid", "\(uid)\t\(uid)\t\(uid)\t\(uid)"), ("Gid", "\(gid)\t\(gid)\t\(gid)\t\(gid)"),
            ("FDSize", "64"), ("Groups", String(gid)),
            ("VmPeak", kilobytes(virtualSize)), ("VmSize", kilobytes(virtualSize)),
            ("VmRSS", kilobytes(UInt64(residentPageCount) * PageTable.pageSize)),
            ("VmStk", kilobytes(addressSpace[stackRegion].end - addressSpace[stackRegion].start)),
            ("Threads", String(max(1, liveTasks.count))),
            ("SigQ", "\(liveTasks.reduce(signals.pendingSignals.queuedCount) { $0 + $1.pendingSignals.queuedCount })/\(PendingSignals.queueLimit)"),
            ("SigPnd", Process.hex16(liveTasks.reduce(0) { $0 | $1.pending })), ("ShdPnd", Process.hex16(signals.pending)),
            ("SigBlk", Process.hex16(signals.mask)), ("SigIgn", Process.hex16(sets.ignored)),
            ("SigCgt", Process.hex16(sets.caught)), ("Cpus_allowed", "1"), ("Cpus_allowed_list", "0"),
        ]
        return lines.map { "\($0.0):\t\($0.1)\n" }.joined()
    }

    /// `value` as 16 lowercase hex digits, as the signal sets of `status`.
    static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    /// `value` as 4 octal digits, as `Umask`.
    static func octal(_ value: UInt64) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
