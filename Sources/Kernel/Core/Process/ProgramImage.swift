/// What the kernel loads into a new process: the loadable segments of an executable, its entry
/// point and where its program headers are. Built from an `ELFFile`, or by hand in tests.
public struct ProgramImage: Sendable {
    /// One `PT_LOAD` segment.
    public struct Segment: Sendable {
        public var virtualAddress: UInt64
        /// Bytes in memory; those past `bytes.count` are zero (bss).
        public var memorySize: UInt64
        /// The file's bytes for the segment (`p_filesz` of them).
        public var bytes: [UInt8]
        /// The segment's `p_flags` as permissions.
        public var permissions: MemoryPermissions

        /// Precondition: `bytes.count <= memorySize`.
        public init(virtualAddress: UInt64, memorySize: UInt64, bytes: [UInt8], permissions: MemoryPermissions) {
            precondition(UInt64(bytes.count) <= memorySize, "a segment's file bytes exceed its memory size")
            self.virtualAddress = virtualAddress
            self.memorySize = memorySize
            self.bytes = bytes
            self.permissions = permissions
        }
    }

    public var entry: UInt64
    public var segments: [Segment]
    /// Virtual address of the program headers when a segment loads them (for AT_PHDR), else nil.
    public var programHeaderAddress: UInt64?
    /// `e_phentsize` (AT_PHENT).
    public var programHeaderEntrySize: UInt64
    /// `e_phnum` (AT_PHNUM).
    public var programHeaderCount: UInt64
    /// True for ET_DYN: every address above is an offset from the load base the kernel picks
    /// (`ProgramLoader`). False for ET_EXEC, which loads where it is linked.
    public var isPositionIndependent = false
    /// The PT_INTERP path, nil when the program starts at its own entry.
    public var interpreterPath: String? = nil
    /// The file the image came from, as `/proc/self/maps` names its regions ("" when built by hand).
    public var path = ""

    public init(entry: UInt64, segments: [Segment], programHeaderAddress: UInt64? = nil,
                programHeaderEntrySize: UInt64 = 56, programHeaderCount: UInt64 = 0) {
        self.entry = entry
        self.segments = segments
        self.programHeaderAddress = programHeaderAddress
        self.programHeaderEntrySize = programHeaderEntrySize
        self.programHeaderCount = programHeaderCount
    }
}

/// Failures to set up a process; they are tinyrv's or the executable's fault, never the run's.
public enum ProcessSetupError: Error, Equatable, CustomStringConvertible {
    /// A segment reaches outside user space (below the first page is allowed; past 0x40_0000_0000 is not).
    case segmentOutsideUserSpace(virtualAddress: UInt64, memorySize: UInt64)
    /// Two segments share a page, or a segment overlaps the stack.
    case overlappingSegments(virtualAddress: UInt64)
    /// Guest RAM is too small to load the program and its first stack page.
    case outOfMemory
    /// argv, envp and the auxv do not fit in the stack region.
    case initialStackTooLarge(bytes: UInt64, stackPages: Int)
    /// `--stack-pages` is not a positive count that fits below the stack top.
    case badStackPages(Int)
    /// No free range below the stack holds the interpreter's segments.
    case noRoomForInterpreter(size: UInt64)

    public var description: String {
        switch self {
        case .segmentOutsideUserSpace(let va, let size):
            return "segment at \(hex(va)) of \(size) bytes lies outside user space"
        case .overlappingSegments(let va):
            return "segment at \(hex(va)) overlaps another segment or the stack"
        case .outOfMemory:
            return "guest memory is too small to load the program"
        case .initialStackTooLarge(let bytes, let pages):
            return "arguments and environment (\(bytes) bytes) do not fit in the \(pages)-page stack (--stack-pages)"
        case .badStackPages(let pages):
            return "bad stack size of \(pages) pages"
        case .noRoomForInterpreter(let size):
            return "no free range of \(size) bytes below the stack for the interpreter"
        }
    }
}
