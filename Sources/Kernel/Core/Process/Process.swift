import RISCV

/// A user process: its address space, its hart, its open files and its counters (seed: `proc`).
///
/// `init` loads the program eagerly, sets up the heap and the stack (`stack_setup`); `run` starts
/// the hart in U-mode and handles every trap until the process exits or is killed.
public final class Process {
    /// The seed's `USTACK_UPPERBOUND`: the stack region ends here (exclusive).
    public static let stackUpperBound: UInt64 = 0x3F_FFFF_F000
    /// The seed's `USTACK_PAGES`: the default size of the stack region.
    public static let defaultStackPages = 10
    /// The pid `getpid` reports.
    public static let processID: Int64 = 100

    /// What fork copies as it is (Process/ForkedState); the properties below read it.
    var inherited: ForkedState
    public var hart: Hart { inherited.hart }
    public let addressSpace: AddressSpace
    public var stackRegion: RegionID { inherited.stackRegion }
    public var heapRegion: RegionID { inherited.heapRegion }
    public var heapStart: UInt64 { inherited.heapStart }
    public var entry: UInt64 { inherited.entry }
    var auxiliaryVector: [(key: UInt64, value: UInt64)] { inherited.auxiliaryVector }
    public var initialStackPointer: UInt64 { inherited.initialStackPointer }
    public var stackPages: Int { inherited.stackPages }
    /// User page faults taken, by region kind.
    public internal(set) var pageFaults = PageFaultCounts()

    var trace: TraceOptions { inherited.runOptions.trace }
    var traceSink: TraceSink { inherited.runOptions.traceSink }
    /// The descriptor table; execve keeps it (less close-on-exec descriptors), fork copies it.
    var files = FileTable()
    /// Signal actions, mask and pending signals (Signals/).
    var signals = SignalState()
    /// The file-system sandbox (Files/) and the task's alternate signal stack (Signals/).
    var fileSystem: FileSystemSandbox
    let task: TaskState
    /// The debugger's hold on the run, when one is attached (`RunOptions.debugger`).
    var debugger: DebugSession?
    var runOptions: RunOptions { inherited.runOptions }
    /// pid, parent, process group, children and exit state (Process/ProcessFamily).
    var family = ProcessFamily()
    var scheduler: Scheduler? {
        get { inherited.scheduler }
        set { inherited.scheduler = newValue }
    }
    var executablePath: String { inherited.executablePath }
    var fileCreationMask: UInt64 {
        get { inherited.fileCreationMask }
        set { inherited.fileCreationMask = newValue }
    }
    var niceValue: Int64 {
        get { inherited.niceValue }
        set { inherited.niceValue = newValue }
    }
    var taskName: [UInt8] {
        get { inherited.taskName }
        set { inherited.taskName = newValue }
    }
    /// setitimer's and timer_create's timers (not copied by fork, kept by execve).
    var timers = IntervalTimers() {
        didSet { processTimeDeadline = timers.nextProcessTimeDeadline }
    }
    /// The earliest deadline of an armed process-time timer (`timers.nextProcessTimeDeadline`), kept
    /// in a field of its own: the scheduler reads it after every slice.
    private(set) var processTimeDeadline: UInt64?
    /// Instructions retired by the process's threads that have exited (`Scheduler.instructions(of:)`).
    var exitedThreadInstructions: UInt64 = 0
    /// When the process began (fork or load), on the host's monotonic clock: /proc's start time.
    let startTime = Host.monotonicNow()
    /// The membarrier REGISTER_* commands the process made (`MembarrierSyscall`); execve forgets them.
    var membarrierRegistrations: Int64 = 0
    /// The process that replaced this one by execve (same pid), whose counters `stats` reports.
    var execSuccessor: Process?
    /// The counters of the whole machine once `run` returned.
    public internal(set) var machineStats: MachineStats?
    var signalTrampoline: UInt64? {
        get { inherited.signalTrampoline }
        set { inherited.signalTrampoline = newValue }
    }
    lazy var pageFaultHandler = PageFaultHandler(addressSpace: addressSpace, stackRegion: stackRegion, stackPages: stackPages)

    /// Loads `image` (and `options.interpreter`, see `ProgramLoader`) into a new address space whose
    /// frames come from `frames` and builds the initial stack. Throws for segments outside user space or overlapping each other, RAM too
    /// small to load, or arguments that do not fit in the stack. The hart is not touched until `run`.
    public init(image: ProgramImage, hart: Hart, frames: FrameAllocator, options: RunOptions) throws(ProcessSetupError) {
        let stackBytes = UInt64(options.stackPages) &* PageTable.pageSize
        guard options.stackPages > 0, options.stackPages < 1 << 24 else { throw .badStackPages(options.stackPages) }
        guard let space = AddressSpace(frames: frames, caches: hart) else { throw .outOfMemory }
        self.addressSpace = space
        let executablePath = options.executablePath ?? options.arguments.first ?? ""
        self.fileSystem = FileSystemSandbox(root: options.fileSystemRoot, allowWrites: options.allowFileWrites,
                                            programPath: executablePath, sysroot: options.sysroot.flatMap(Sysroot.init))
        self.task = TaskState()

        guard case .success(let stack) = space.map(MemRegion(kind: .stack, start: Process.stackUpperBound - stackBytes,
                                                             end: Process.stackUpperBound, permissions: [.read, .write]))
        else { preconditionFailure("an empty address space rejected the stack") }

        let programBias = image.isPositionIndependent ? ProgramLoader.positionIndependentBase : 0
        let highestEnd = try ProgramLoader.load(image, bias: programBias, into: space)
        let heapStart = highestEnd == 0 ? 0x10000 : MemRegion.roundUp(highestEnd)
        guard case .success(let heap) = space.map(MemRegion(kind: .heap, start: heapStart, end: heapStart,
                                                            permissions: [.read, .write]))
        else { throw .overlappingSegments(virtualAddress: heapStart) }

        var interpreterBase: UInt64 = 0
        var entry = image.entry &+ programBias
        if let interpreter = options.interpreter {
            let ceiling = space[stack].start - PageFaultHandler.stackGuardGap
            let bias = try ProgramLoader.interpreterBias(interpreter, in: space, floor: heapStart, ceiling: ceiling)
            _ = try ProgramLoader.load(interpreter, bias: bias, into: space)
            interpreterBase = bias &+ (ProgramLoader.span(of: interpreter)?.low ?? 0)
            entry = interpreter.entry &+ bias
        }

        let initial = InitialStack(
            top: Process.stackUpperBound, arguments: options.arguments, environment: options.environment,
            executableName: options.arguments.first ?? "", randomBytes: options.randomBytes ?? Process.hostRandomBytes(),
            facts: .init(programHeaderAddress: image.programHeaderAddress.map { $0 &+ programBias } ?? 0,
                         programHeaderEntrySize: image.programHeaderEntrySize,
                         programHeaderCount: image.programHeaderCount, entry: image.entry &+ programBias,
                         interpreterBase: interpreterBase,
                         userID: UInt64(Host.userID), effectiveUserID: UInt64(Host.effectiveUserID),
                         groupID: UInt64(Host.groupID), effectiveGroupID: UInt64(Host.effectiveGroupID)))
        guard UInt64(initial.bytes.count) <= stackBytes else {
            throw .initialStackTooLarge(bytes: UInt64(initial.bytes.count), stackPages: options.stackPages)
        }
        self.inherited = ForkedState(hart: hart, stackRegion: stack, heapRegion: heap, heapStart: heapStart, entry: entry,
                                     auxiliaryVector: initial.auxiliaryVector, initialStackPointer: initial.stackPointer,
                                     runOptions: options, executablePath: executablePath)
        try Process.write(initial.bytes, at: initial.stackPointer, region: stack, into: space)
        if let makeDebugger = options.debugger { debugger = DebugSession(hook: makeDebugger(self), hart: hart) }
    }

    /// The child of fork (seed: the `fork` of the processes lab): a copy of `parent` over
    /// `addressSpace` (its copy-on-write copy, or its own for vfork), with `files` and `fileSystem`
    /// copied by the caller, the same signal actions and mask, and no pending signals or counters.
    init(forking parent: Process, addressSpace: AddressSpace, files: FileTable, fileSystem: FileSystemSandbox) {
        self.inherited = parent.inherited
        self.addressSpace = addressSpace
        self.files = files
        self.signals = parent.signals.forkCopy()
        self.fileSystem = fileSystem
        self.task = TaskState()
        self.task.alternateStack = parent.task.alternateStack
        self.debugger = parent.debugger
        if inherited.schedulingPolicy & SchedulingSyscalls.resetOnFork != 0 {
            inherited.schedulingPolicy &= ~SchedulingSyscalls.resetOnFork
            if inherited.schedulingPriority > 0 { (inherited.schedulingPolicy, inherited.schedulingPriority) = (SchedulingSyscalls.other, 0) }
        }
    }

    /// Copies `bytes` to user address `address` of `region`, mapping pages that are not mapped yet.
    static func write(_ bytes: [UInt8], at address: UInt64, region: RegionID,
                              into space: AddressSpace) throws(ProcessSetupError) {
        var offset = 0
        while offset < bytes.count {
            let va = address + UInt64(offset)
            if space.pageTable.lookup(virtualAddress: va) == nil {
                guard space.populatePage(at: va, in: region) != nil else { throw .outOfMemory }
            }
            let chunk = min(bytes.count - offset, Int(PageTable.pageSize - va % PageTable.pageSize))
            let physical = space.pageTable.translate(va)!
            space.frames.memory.write(bytes[offset..<offset + chunk], at: physical)
            offset += chunk
        }
    }

    private static func hostRandomBytes() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The current program break (the heap's end).
    public var programBreak: UInt64 { addressSpace[heapRegion].end }
}
