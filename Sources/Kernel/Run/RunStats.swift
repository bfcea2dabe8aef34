/// What `--stats` reports about a finished run.
public struct RunStats: Equatable, Sendable {
    public var instructionsRetired: UInt64
    /// User page faults by region kind; `pageFaults.byRegion` lists them for printing.
    public var pageFaults: PageFaultCounts
    public var residentStackPages: Int
    public var residentHeapPages: Int
    /// Frames of guest RAM in use at the end and at most, page tables included.
    public var framesInUse: Int
    public var peakFramesInUse: Int
    public var heapStart: UInt64
    public var programBreak: UInt64
    /// Tasks, switches, shared frames and the processes of the run (nil before it ran).
    public var machine: MachineStats?

    public init(instructionsRetired: UInt64, pageFaults: PageFaultCounts, residentStackPages: Int,
                residentHeapPages: Int, framesInUse: Int, peakFramesInUse: Int, heapStart: UInt64, programBreak: UInt64,
                machine: MachineStats? = nil) {
        self.instructionsRetired = instructionsRetired
        self.pageFaults = pageFaults
        self.residentStackPages = residentStackPages
        self.residentHeapPages = residentHeapPages
        self.framesInUse = framesInUse
        self.peakFramesInUse = peakFramesInUse
        self.heapStart = heapStart
        self.programBreak = programBreak
        self.machine = machine
    }
}

extension Process {
    /// The process's counters now (those of the program execve put in its place, if it did).
    public var stats: RunStats {
        if let execSuccessor { return execSuccessor.stats }
        return RunStats(instructionsRetired: hart.instructionsRetired, pageFaults: pageFaults,
                 residentStackPages: addressSpace.residentPages(of: .stack),
                 residentHeapPages: addressSpace.residentPages(of: .heap),
                 framesInUse: addressSpace.frames.framesInUse, peakFramesInUse: addressSpace.frames.peakFramesInUse,
                 heapStart: heapStart, programBreak: programBreak, machine: machineStats)
    }
}

/// What `--stats` reports about the tasks of a run.
public struct MachineStats: Equatable, Sendable {
    /// Tasks created in all, the first one included.
    public var tasksCreated: Int
    /// Times the hart switched from one task to another.
    public var contextSwitches: Int
    /// Frames fork shared copy-on-write (one count per sharing).
    public var framesShared: Int
    /// Each process's counters, in the order the processes ended (the first process last).
    public var processes: [ProcessSummary]

    public init(tasksCreated: Int, contextSwitches: Int, framesShared: Int, processes: [ProcessSummary]) {
        self.tasksCreated = tasksCreated
        self.contextSwitches = contextSwitches
        self.framesShared = framesShared
        self.processes = processes
    }
}
