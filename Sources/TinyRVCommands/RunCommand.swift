import ArgumentParser
import ELF
import GDBStub
import Kernel
import RISCV
import Glibc

/// `tinyrv run`: runs one RV64 ELF, hosted on the Swift kernel or bare-metal, and exits with the
/// status docs/architecture.md documents.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a RISC-V RV64 ELF program.",
        discussion: """
            Hosted (default): the program runs in U-mode on the Swift kernel with Linux riscv64 syscalls, \
            an on-demand stack and an sbrk heap. Dynamically linked programs start in their interpreter \
            (PT_INTERP), found in the sysroot (--sysroot; by default Debian's riscv64 cross C library in \
            /usr/riscv64-linux-gnu when it is installed). Bare (--bare, implied when the ELF defines 'tohost'): \
            the program starts in M-mode at its entry and ends by writing 'tohost' (status = value >> 1); \
            a CLINT at 0x2000000 gives it msip, mtimecmp and mtime (one tick per 10 retired instructions), \
            and a wfi that nothing could ever wake ends the run with status 123.
            """
    )

    @Flag(help: "Run bare-metal: load segments at their physical addresses and start in M-mode. Implied when the ELF defines 'tohost'.")
    var bare = false

    @Option(help: ArgumentHelp("Pages in the user stack region (hosted).", valueName: "N"))
    var stackPages: Int = 10

    @Option(help: ArgumentHelp("Guest RAM size: bytes, or a number with K, M or G (1 MiB to 64 GiB, whole pages). Host memory is committed only as pages are touched.", valueName: "SIZE"))
    var memory: MemorySize = MemorySize(bytes: 1 << 30)

    @Option(help: ArgumentHelp("Stop after N instructions with status 124.", valueName: "N"))
    var maxInstructions: UInt64?

    @Option(help: ArgumentHelp("Comma-separated events to trace: syscalls, faults, traps, instructions, or all.", valueName: "LIST"))
    var trace: TraceSelection = TraceSelection()

    @Option(help: ArgumentHelp("Write traces to PATH instead of stderr.", valueName: "PATH"))
    var traceFile: String?

    @Flag(help: "Print instructions retired, wall time, MIPS, page faults per region and resident pages at exit (stderr).")
    var stats = false

    @Option(name: .customLong("env"), help: ArgumentHelp("Set a variable in the guest's environment (repeatable).", valueName: "NAME=VALUE"))
    var setEnvironment: [String] = []

    @Option(name: .customLong("unset-env"), help: ArgumentHelp("Remove a variable from the guest's environment (repeatable).", valueName: "NAME"))
    var unsetEnvironment: [String] = []

    @Flag(name: .customLong("clear-env"), help: "Start the guest with an empty environment instead of tinyrv's own (then --env adds to it).")
    var clearEnvironment = false

    @Option(help: ArgumentHelp("The only host directory the guest's file calls may read, seen by the guest as '/'. No path escapes it: not '..', not an absolute path, not a symlink. The guest starts in tinyrv's working directory when that lies under DIR, else at DIR.", valueName: "DIR"))
    var fsRoot: String = "."

    @Flag(help: "Let the guest create, truncate and write files under --fs-root, and write through MAP_SHARED mappings.")
    var fsWrite = false

    @Option(help: ArgumentHelp("Serve the GDB remote protocol on 127.0.0.1:PORT (0 picks a free port) or a Unix socket: load the program, wait for one client before the first instruction. Attach with: gdb-multiarch PROGRAM -ex 'target remote :PORT'. The address is printed on stderr.", valueName: "PORT|unix:PATH"))
    var gdb: String?
    @Option(help: ArgumentHelp("As qemu-riscv64 -L: the dynamic loader and every absolute path the guest opens for reading are looked up in DIR first (read-only), then under --fs-root. Default: /usr/riscv64-linux-gnu when Debian's libc6-riscv64-cross is installed; 'none' turns it off.", valueName: "DIR"))
    var sysroot: String?

    @Option(help: ArgumentHelp("How tasks share the CPU: 'roundrobin' (each runs 50000 instructions in turn, the same run every time) or 'random:SEED' (the next task and each quantum drawn pseudo-randomly, the same for the same SEED, to shake out and replay races).", valueName: "POLICY"))
    var schedule: ScheduleSelection = ScheduleSelection()

    @Option(help: ArgumentHelp("The most processes that may exist at once, zombies included; fork fails with EAGAIN beyond.", valueName: "N"))
    var maxTasks: Int = RunOptions.defaultMaxTasks

    @Argument(help: "The ELF program to run.")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the program.")
    var arguments: [String] = []

    func validate() throws {
        guard (1...1 << 20).contains(stackPages) else {
            throw ValidationError("--stack-pages must be from 1 to 1048576, not \(stackPages)")
        }
        if let gdb, SocketListener.Address(gdb) == nil {
            throw ValidationError("--gdb takes a port (0-65535) or unix:PATH, not '\(gdb)'")
        }
        guard (1...1 << 16).contains(maxTasks) else {
            throw ValidationError("--max-tasks must be from 1 to 65536, not \(maxTasks)")
        }
        for entry in setEnvironment where !entry.contains("=") || entry.hasPrefix("=") {
            throw ValidationError("--env takes NAME=VALUE, not '\(entry)'")
        }
        var info = stat()
        guard stat(fsRoot, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ValidationError("--fs-root '\(fsRoot)' is not a directory")
        }
        if let sysroot, sysroot != "none" {
            guard stat(sysroot, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw ValidationError("--sysroot '\(sysroot)' is not a directory")
            }
        }
    }

    /// The sysroot in effect: --sysroot DIR, none for `--sysroot none`, else Debian's cross C library
    /// when it is installed.
    var effectiveSysroot: String? {
        guard let sysroot else { return Sysroot.defaultPath }
        return sysroot == "none" ? nil : sysroot
    }

    /// tinyrv's environment (unless --clear-env), less --unset-env names, then --env entries (which replace).
    var guestEnvironment: [String] {
        let base = clearEnvironment ? [] : RunOptions.hostEnvironment
        let overridden = Set(unsetEnvironment + setEnvironment.map { String($0.prefix { $0 != "=" }) })
        return base.filter { !overridden.contains(String($0.prefix { $0 != "=" })) } + setEnvironment
    }

    func run() throws {
        let elf: ELFFile
        do {
            elf = try ELFFile(path: program)
        } catch {
            throw Failure(status: error.isFileNotFound ? ExitStatus.notFound : ExitStatus.notRunnable,
                          message: error.isFileNotFound ? "\(error)" : "\(program): \(error)")
        }
        let sink = try TraceOutput.open(path: traceFile)
        let listener = try gdb.flatMap(SocketListener.Address.init).map(listen)
        let clock = WallClock()
        if bare || elf.symbol(named: "tohost") != nil {
            try runBare(elf, sink: sink, clock: clock, listener: listener)
        } else {
            try runHosted(elf, sink: sink, clock: clock, listener: listener)
        }
    }

    /// Listens for the gdb client of `--gdb` and says where on stderr; a refusal is status 125.
    private func listen(_ address: SocketListener.Address) throws -> SocketListener {
        do {
            let listener = try SocketListener(address)
            fputs("tinyrv: gdb: waiting for a client on \(listener.shownAddress)\n", stderr)
            return listener
        } catch {
            throw Failure(status: ExitStatus.usageOrInternal, message: "--gdb \(gdb ?? ""): \(error)")
        }
    }

    /// The stub that serves the client of `listener` (accepted now) for `target`.
    private func debugServer(_ listener: SocketListener, _ target: DebugTarget) -> GDBServer {
        GDBServer(connection: listener.accept(), target: target, warn: { fputs("\($0)\n", stderr) })
    }

    private func runBare(_ elf: ELFFile, sink: TraceSink, clock: WallClock, listener: SocketListener?) throws {
        let machine: BareMachine
        do {
            machine = try BareMachine(elf: elf, memorySize: memory.bytes)
        } catch let error as BareMachine.LoadError {
            throw Failure(status: ExitStatus.notRunnable, message: "\(program): \(error)")
        }
        if trace.options.contains(.instructions) {
            machine.hart.instructionTracer = { pc, bits in sink.write(InstructionTraceFormat.line(pc: pc, bits: bits)) }
        }
        let debugger = listener.map { DebugSession(hook: debugServer($0, BareTarget(hart: machine.hart)), hart: machine.hart) }
        let outcome = machine.run(maxInstructions: maxInstructions, debugger: debugger)
        sink.flush()
        if stats {
            StatsReport.bare(instructions: machine.hart.instructionsRetired, seconds: clock.seconds).print()
        }
        switch outcome {
        case .exited(let status):
            throw GuestExit(status: status)
        case .budgetExhausted:
            throw Failure(status: ExitStatus.budgetExhausted,
                          message: "stopped: instruction budget exhausted (--max-instructions \(maxInstructions ?? 0), pc 0x\(hex(machine.hart.pc)))")
        case .killed(let message):
            throw Failure(status: KillReason.debugger.exitStatus, message: "killed: " + message)
        case .waitsForever:
            throw Failure(status: ExitStatus.waitsForever,
                          message: "stopped: wfi at pc 0x\(hex(machine.hart.pc)) waits for ever: no interrupt is pending and enabled in mie, and no timer is armed")
        }
    }

    private func runHosted(_ elf: ELFFile, sink: TraceSink, clock: WallClock, listener: SocketListener?) throws {
        var options = RunOptions(arguments: [program] + arguments, environment: guestEnvironment, stackPages: stackPages)
        options.fileSystemRoot = fsRoot
        options.allowFileWrites = fsWrite
        options.memorySize = memory.bytes
        options.maxInstructions = maxInstructions
        options.trace = trace.options
        options.traceSink = sink
        if let listener { options.debugger = { debugServer(listener, HostedTarget(process: $0)) } }
        options.sysroot = effectiveSysroot
        if let path = elf.interpreter { options.interpreter = try loadInterpreter(path) }
        options.schedule = schedule.policy
        options.maxTasks = maxTasks
        options.programLoader = { path in try loadForExec(path) }
        let result: (outcome: ExitOutcome, stats: RunStats)
        do {
            result = try runProgram(ProgramImage(elf, path: hostRealPath(program)), options: options)
        } catch {
            throw Failure(status: ExitStatus.notRunnable, message: "\(program): \(error)")
        }
        sink.flush()
        if stats { StatsReport.hosted(result.stats, seconds: clock.seconds).print() }
        if let line = result.outcome.diagnosticLine { fputs("\(line)\n", stderr) }
        throw GuestExit(status: result.outcome.exitStatus)
    }
}

extension RunCommand {
    /// The program execve names (at host `path`) and its interpreter, looked up as `loadInterpreter`
    /// does; throws for a file that is not a runnable ELF or a missing interpreter.
    func loadForExec(_ path: String) throws -> LoadedProgram {
        let elf = try ELFFile(path: path)
        let interpreter = try elf.interpreter.map { try loadInterpreter($0) }
        return LoadedProgram(image: ProgramImage(elf, path: hostRealPath(path)), interpreter: interpreter)
    }

    /// The host's realpath(3) of `path` (how /proc/self/maps names the program), or `path` itself.
    func hostRealPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The program's interpreter `path` (PT_INTERP), read from the sysroot or else from --fs-root.
    /// Throws a failure naming the path and the sysroot, status 127, when it is in neither; 126 when
    /// it is not an ELF tinyrv can run or names an interpreter itself.
    func loadInterpreter(_ path: String) throws -> ProgramImage {
        let sysroot = effectiveSysroot
        switch InterpreterLookup.read(path, sysroot: sysroot, fileSystemRoot: fsRoot) {
        case .failure(.notFound):
            let place = sysroot.map { "in sysroot \($0) or under --fs-root \(fsRoot)" }
                ?? "under --fs-root \(fsRoot) (no sysroot: give one with --sysroot DIR)"
            throw Failure(status: ExitStatus.notFound, message: "\(program): interpreter \(path) not found \(place)")
        case .failure(.unreadable(let reason)):
            throw Failure(status: ExitStatus.notRunnable, message: "\(program): interpreter \(path): cannot read: \(reason)")
        case .success(let found):
            let elf: ELFFile
            do {
                elf = try ELFFile(bytes: found.bytes)
            } catch {
                throw Failure(status: ExitStatus.notRunnable, message: "\(program): interpreter \(path): \(error)")
            }
            guard elf.interpreter == nil else {
                throw Failure(status: ExitStatus.notRunnable, message: "\(program): interpreter \(path) names an interpreter itself")
            }
            return ProgramImage(elf, path: found.hostPath)
        }
    }
}

/// A failure of tinyrv itself or of the file it was given: one line on stderr, then `status`.
struct Failure: Error {
    let status: Int32
    let message: String
}

extension ELFError {
    var isFileNotFound: Bool {
        if case .fileNotFound = self { return true }
        return false
    }
}
