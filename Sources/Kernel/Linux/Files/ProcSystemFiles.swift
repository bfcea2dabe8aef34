/// The machine-wide files of `/proc` that tinyrv makes, in Linux's formats: `meminfo` (guest RAM:
/// `--memory` and its free frames), `uptime` and `loadavg` (the host's uptime; the machine's
/// tasks), `stat` (one CPU, the boot time), `cpuinfo` (one hart), `version`, and `mounts`/`mountinfo` (the sandbox's root as the
/// one file system, which statfs describes).
enum ProcSystemFiles {
    /// The names under /proc that this enum makes (`/proc/<name>`).
    static let names: Set<String> = ["meminfo", "uptime", "loadavg", "cpuinfo", "version", "mounts", "stat"]

    /// The contents of `/proc/<name>` as `process` reads it, or nil when tinyrv makes no such file.
    static func contents(_ name: String, for process: Process) -> [UInt8]? {
        switch name {
        case "meminfo": return Array(memoryInfo(process.addressSpace.frames).utf8)
        case "uptime": return Array(uptime.utf8)
        case "loadavg": return Array(loadAverage(process).utf8)
        case "cpuinfo": return Array(cpuInfo.utf8)
        case "version": return Array(version.utf8)
        case "mounts": return Array(mountsText.utf8)
        case "stat": return Array(statistics(process).utf8)
        default: return nil
        }
    }

    /// `/proc/meminfo`: guest RAM in kB, the name padded to 16 columns and the value to 8.
    static func memoryInfo(_ frames: FrameAllocator) -> String {
        let kilobytes = { (frameCount: Int) in UInt64(frameCount) * PageTable.pageSize / 1024 }
        let rows: [(String, UInt64)] = [
            ("MemTotal", kilobytes(frames.capacity)), ("MemFree", kilobytes(frames.framesFree)),
            ("MemAvailable", kilobytes(frames.framesFree)), ("Buffers", 0), ("Cached", kilobytes(frames.pageCache.count)),
            ("SwapCached", 0), ("Shmem", 0), ("SReclaimable", 0), ("SwapTotal", 0), ("SwapFree", 0),
        ]
        return rows.map { name, value in
            let label = name + ":"
            let number = String(value)
            return label + String(repeating: " ", count: max(1, 16 - label.count) + max(0, 8 - number.count)) + number + " kB\n"
        }.joined()
    }

    /// `/proc/uptime`: seconds since the host booted, and the same as idle time, two decimals each.
    static var uptime: String {
        let hundredths = Host.monotonicNow() / 10_000_000
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        return "\(text) \(text)\n"
    }

    /// `/proc/loadavg`: no load history, the runnable and all tasks, and the last pid.
    static func loadAverage(_ process: Process) -> String {
        let tasks = process.scheduler?.tasks ?? []
        let runnable = max(1, tasks.filter(\.isRunnable).count)
        let lastPID = tasks.map(\.tid).max() ?? process.family.pid
        return "0.00 0.00 0.00 \(runnable)/\(max(1, tasks.count)) \(lastPID)\n"
    }

    /// `/proc/stat`: one CPU's time in ticks (the machine's instructions as user time at a nominal
    /// 100 MIPS), the boot time (now less the host's uptime), and the machine's task counts.
    static func statistics(_ process: Process) -> String {
        let ticks = process.hart.instructionsRetired / Process.instructionsPerTick
        let cpu = "\(ticks) 0 0 0 0 0 0 0 0 0"
        let bootTime = (Host.realtimeNow() - Host.monotonicNow()) / 1_000_000_000
        let tasks = process.scheduler?.tasks ?? []
        return "cpu  \(cpu)\ncpu0 \(cpu)\nintr 0\nctxt \(process.scheduler?.contextSwitches ?? 0)\nbtime \(bootTime)\n"
            + "processes \(process.scheduler?.tasksCreated ?? 1)\nprocs_running \(max(1, tasks.filter(\.isRunnable).count))\n"
            + "procs_blocked 0\n"
    }

    /// `/proc/cpuinfo` as riscv64 Linux prints it for one hart.
    static var cpuInfo: String {
        let isa = "rv64" + HartFeatures.singleLetterExtensions.lowercased() + "_zicsr_zifencei"
        return "processor\t: 0\nhart\t\t: 0\nisa\t\t: \(isa)\nmmu\t\t: sv39\nuarch\t\t: tinyrv\n\n"
    }

    /// `/proc/version`: the host kernel's release and version, as uname reports them.
    static var version: String {
        let names = Host.systemNames()
        return "Linux version \(names.release) (tinyrv) \(names.version)\n"
    }

    /// `/proc/mounts` (and `/proc/self/mounts`): the root, read-write, of type `hostfs`.
    static let mountsText = "tinyrv / hostfs rw 0 0\n"

    /// `/proc/self/mountinfo`: the same root as one line of mount id, parent, device, root,
    /// mount point, options, separator, type, source and super options.
    static let mountInfoText = "1 0 0:1 / / rw - hostfs tinyrv rw\n"
}
