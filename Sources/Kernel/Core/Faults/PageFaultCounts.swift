/// User page faults taken by one process, by the kind of region they hit.
public struct PageFaultCounts: Equatable, Sendable {
    public var code = 0
    public var data = 0
    public var heap = 0
    public var stack = 0
    public var mmap = 0
    /// Faults at addresses in no region (each one killed the process).
    public var outsideRegions = 0
    /// Of the faults above, those that filled a page of a file mapping from its file.
    public var fileFills = 0
    /// Of the faults above, those that mapped a file page another mapping held (the page cache).
    public var cacheFills = 0
    /// Stores to pages shared copy-on-write since a fork (counted here, not under their region).
    public var copyOnWrite = 0

    public init() {}

    /// Every fault counted (`num_pgfault` of the `info` call).
    public var total: Int { code + data + heap + stack + mmap + outsideRegions + copyOnWrite }

    /// The count for one region kind.
    public subscript(kind: MemRegion.Kind) -> Int {
        get {
            switch kind {
            case .code: return code
            case .data: return data
            case .heap: return heap
            case .stack: return stack
            case .mmap: return mmap
            }
        }
        set {
            switch kind {
            case .code: code = newValue
            case .data: data = newValue
            case .heap: heap = newValue
            case .stack: stack = newValue
            case .mmap: mmap = newValue
            }
        }
    }

    /// `("code", n), ("data", n), ..., ("none", n), ("copy-on-write", n)` in a fixed order, for `--stats`.
    public var byRegion: [(region: String, count: Int)] {
        MemRegion.Kind.allCases.map { ($0.rawValue, self[$0]) } + [("none", outsideRegions), ("copy-on-write", copyOnWrite)]
    }
}
