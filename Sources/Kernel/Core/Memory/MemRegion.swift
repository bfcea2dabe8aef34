/// Errors of the region operations (the seed's `ERR_VM_*`).
public enum VMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `ERR_VM_INVALID`: the end would go below the start.
    case invalid
    /// `ERR_VM_BOUND`: the region would overlap another one or leave user space.
    case bound

    public var description: String {
        switch self {
        case .invalid: return "ERR_VM_INVALID"
        case .bound: return "ERR_VM_BOUND"
        }
    }
}

/// A contiguous range of user virtual addresses with one set of permissions (seed: `memregion`).
///
/// The range is half-open, `[start, end)`; `start` is page-aligned, `end` need not be (a heap that
/// grew by one byte). The pages that back it are those holding at least one of its bytes, so the
/// page range is `[start, roundUp(end))`.
public struct MemRegion: Equatable, Sendable {
    /// What the region is for; page faults and resident pages are counted per kind.
    public enum Kind: String, CaseIterable, Sendable {
        case code, data, heap, stack, mmap
    }

    public var kind: Kind
    public var start: UInt64
    public var end: UInt64
    public var permissions: MemoryPermissions
    /// Pages of the region that are currently mapped.
    public internal(set) var residentPages = 0
    /// What /proc/self/maps shows in its path column: the file of a program segment or a file
    /// mapping; nil for anonymous memory.
    public var name: String? = nil
    /// For a file mapping: the file its pages are read from at their first fault (`BackingStore`).
    public var backing: FileBacking? = nil
    /// For an anonymous MAP_SHARED mapping: the shared memory its pages are (`SharedMemory`).
    public var sharedMemory: SharedMemoryBacking? = nil

    /// True when the region's pages are shared with every other mapping of the same file or shared
    /// memory (MAP_SHARED): writes go to the shared frame, never to a copy, and fork keeps sharing them.
    public var sharesPages: Bool { backing?.shared == true || sharedMemory != nil }

    /// Moves the offsets of the region's file or shared memory by `delta` bytes, as its start moves.
    mutating func advanceBackingOffsets(by delta: UInt64) {
        backing?.offset += delta
        sharedMemory?.offset += delta
    }

    /// A region `[start, end)`. Precondition: `start` is page-aligned and `end >= start`.
    public init(kind: Kind, start: UInt64, end: UInt64, permissions: MemoryPermissions) {
        precondition(start % PageTable.pageSize == 0, "region start must be page-aligned")
        precondition(end >= start, "region ends below its start")
        self.kind = kind
        self.start = start
        self.end = end
        self.permissions = permissions
    }

    /// True when `address` lies in one of the region's pages, `[start, pageEnd)`. A region covers
    /// whole pages, as a Linux VMA does: after `sbrk(1)` the rest of that page is usable too.
    public func contains(_ address: UInt64) -> Bool { address >= start && address < pageEnd }

    /// The end of the region's page range: `end` rounded up to a page.
    public var pageEnd: UInt64 { MemRegion.roundUp(end) }

    /// The number of bytes in the region.
    public var size: UInt64 { end - start }

    /// True when the page ranges of the two regions share a page.
    public func overlaps(_ other: MemRegion) -> Bool {
        start < other.pageEnd && other.start < pageEnd
    }

    /// Moves the end by `delta` bytes and returns the old end (seed: `memregion_extend`).
    ///
    /// Fails with `.invalid` when the end would go below the start, and with `.bound` when it would
    /// pass the top of user space (`PageTable.userLimit`) or overflow. The region is unchanged after
    /// an error. Overlap with other regions is checked by `AddressSpace.extend`, which also unmaps
    /// the pages a shrink gives up.
    public mutating func extend(by delta: Int64) -> Result<UInt64, VMError> {
        let old = end
        let newEnd: UInt64
        if delta >= 0 {
            let (sum, overflow) = end.addingReportingOverflow(UInt64(delta))
            guard !overflow, sum <= PageTable.userLimit else { return .failure(.bound) }
            newEnd = sum
        } else {
            let shrink = delta.magnitude
            guard shrink <= end - start else { return .failure(.invalid) }
            newEnd = end - shrink
        }
        end = newEnd
        return .success(old)
    }

    static func roundUp(_ address: UInt64) -> UInt64 {
        (address + PageTable.pageSize - 1) & ~(PageTable.pageSize - 1)
    }

    static func roundDown(_ address: UInt64) -> UInt64 {
        address & ~(PageTable.pageSize - 1)
    }
}
