/// How `runProgram` sets up and runs a guest (the options of `tinyrv run`).
public struct RunOptions {
    /// Size of the stack region in pages (`--stack-pages`; the seed's `USTACK_PAGES`).
    public var stackPages: Int = Process.defaultStackPages
    /// Bytes of guest RAM (`--memory`); a positive multiple of 4096.
    public var memorySize: UInt64 = 1 << 30
    /// Instructions to run before stopping with status 124 (`--max-instructions`); nil: no limit.
    public var maxInstructions: UInt64? = nil
    /// Which events to trace (`--trace`).
    public var trace: TraceOptions = []
    /// Where trace lines go.
    public var traceSink: TraceSink
    /// argv, with argv[0] as given.
    public var arguments: [String]
    /// envp, each entry `"K=V"`.
    public var environment: [String]
    /// The 16 bytes AT_RANDOM points to; nil draws them from the host's generator.
    public var randomBytes: [UInt8]? = nil
    /// The only host directory the guest's file calls reach (`--fs-root`); its path is also the
    /// guest's current directory.
    public var fileSystemRoot: String = "."
    /// Whether the guest may create, truncate or write host files there (`--fs-write`).
    public var allowFileWrites = false
    /// The program's host path, for `/proc/self/exe`; nil means `arguments[0]`.
    public var executablePath: String? = nil
    /// Makes the debugger the process stops for, before its first instruction and at the
    /// debugger's breakpoints (`--gdb`); nil: no debugger.
    public var debugger: ((Process) -> DebugHook)? = nil
    /// The program's PT_INTERP image (the dynamic loader): loaded at the mmap base and started
    /// first, with AT_BASE naming it (`ProgramLoader`). Nil for a program that starts itself.
    public var interpreter: ProgramImage? = nil
    /// The sysroot (`--sysroot`): a host directory searched, read-only, before the file-system root
    /// for every absolute path the guest opens (`Sysroot`). Nil: none.
    public var sysroot: String? = nil
    /// How the scheduler orders tasks (`--schedule`).
    public var schedule: SchedulePolicy = .roundRobin
    /// The most processes that may exist at once, zombies included (`--max-tasks`); clone
    /// fails with `-EAGAIN` beyond.
    public var maxTasks: Int = RunOptions.defaultMaxTasks
    public static let defaultMaxTasks = 256
    /// Loads the program at a host path for execve (the path is a /proc/self/fd link to a file the
    /// sandbox opened), with its PT_INTERP interpreter when it names one; nil makes execve fail with
    /// `-ENOEXEC`. Throws for anything not runnable.
    public var programLoader: ((String) throws -> LoadedProgram)? = nil

    public init(arguments: [String], environment: [String] = [], stackPages: Int = Process.defaultStackPages,
                memorySize: UInt64 = 1 << 30, maxInstructions: UInt64? = nil, trace: TraceOptions = [],
                traceSink: TraceSink = .standardError, randomBytes: [UInt8]? = nil) {
        self.arguments = arguments
        self.environment = environment
        self.stackPages = stackPages
        self.memorySize = memorySize
        self.maxInstructions = maxInstructions
        self.trace = trace
        self.traceSink = traceSink
        self.randomBytes = randomBytes
    }

    /// tinyrv's own environment as `"K=V"` entries, in order (what `env` prints), for passing
    /// the host's environment to the guest.
    public static var hostEnvironment: [String] { Host.environment }
}

/// A program image ready to load, and the interpreter (dynamic loader) it names, if any.
public struct LoadedProgram {
    public let image: ProgramImage
    public let interpreter: ProgramImage?

    public init(image: ProgramImage, interpreter: ProgramImage?) {
        self.image = image
        self.interpreter = interpreter
    }
}
