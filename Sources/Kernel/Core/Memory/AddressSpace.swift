import RISCV

/// What the address space needs from the hart's caches: the hart conforms; tests use a recorder.
public protocol TranslationCacheControl: AnyObject {
    /// Drops every cached translation (sfence.vma).
    func flushTLB()
    /// Drops the predecoded instructions of one physical page before its frame is reused.
    func invalidateDecodedCode(physicalPage: UInt64)
}

extension Hart: TranslationCacheControl {}

/// Identifies a region of an `AddressSpace` for as long as it is mapped.
public struct RegionID: Hashable, Sendable {
    let value: Int
}

/// A process's user address space: its regions and the page table that backs them (seed: `addrspace`).
///
/// Pages are mapped with their region's permissions. New mappings need no TLB flush (the hart never
/// caches invalid entries); every unmap flushes the TLB and drops the frame's predecoded code
/// before the frame is freed.
public final class AddressSpace {
    public let pageTable: PageTable
    public let frames: FrameAllocator
    let caches: TranslationCacheControl
    /// The regions with their ids, in mapping order (internal for this type's extensions).
    var entries: [(id: RegionID, region: MemRegion)] = []
    var nextID = 0

    /// An empty address space with a fresh root table. Returns nil when no frame is left for it.
    public init?(frames: FrameAllocator, caches: TranslationCacheControl) {
        guard let table = PageTable(frames: frames) else { return nil }
        self.pageTable = table
        self.frames = frames
        self.caches = caches
    }

    /// The regions, sorted by start address.
    public var regions: [MemRegion] { entries.map(\.region).sorted { $0.start < $1.start } }

    /// Adds a region with no pages mapped (seed: `as_map_memregion`).
    ///
    /// Fails with `.bound` when its pages would overlap another region's or it reaches past user
    /// space; nothing changes then.
    public func map(_ region: MemRegion) -> Result<RegionID, VMError> {
        guard region.pageEnd <= PageTable.userLimit else { return .failure(.bound) }
        guard !entries.contains(where: { $0.region.overlaps(region) }) else { return .failure(.bound) }
        var fresh = region
        fresh.residentPages = 0
        return .success(add(fresh))
    }

    /// Records `region` under a new id, with no checks.
    func add(_ region: MemRegion) -> RegionID {
        let id = RegionID(value: nextID)
        nextID += 1
        entries.append((id, region))
        return id
    }

    /// The region that holds `address`, or nil (seed: `as_find_memregion`).
    public func region(containing address: UInt64) -> (id: RegionID, region: MemRegion)? {
        entries.first { $0.region.contains(address) }
    }

    /// The region with `id`. Precondition: it is mapped.
    public subscript(id: RegionID) -> MemRegion {
        entries[index(of: id)].region
    }

    /// Moves the end of region `id` by `delta` bytes and returns the old end (seed: `memregion_extend`).
    ///
    /// `.invalid` when the end would go below the start; `.bound` when the region would overlap
    /// another or leave user space. The region is unchanged after an error. A shrink unmaps and
    /// frees every page that no longer holds a byte of the region, so a regrown page reads zeros.
    public func extend(_ id: RegionID, by delta: Int64) -> Result<UInt64, VMError> {
        let i = index(of: id)
        var candidate = entries[i].region
        let result = candidate.extend(by: delta)
        guard case .success = result else { return result }
        if entries.contains(where: { $0.id != id && $0.region.overlaps(candidate) }) { return .failure(.bound) }
        if candidate.pageEnd < entries[i].region.pageEnd {
            releasePages(from: candidate.pageEnd, to: entries[i].region.pageEnd)
        }
        candidate.residentPages = entries[i].region.residentPages
        entries[i].region = candidate
        return result
    }

    /// Maps a fresh zeroed frame at the page holding `address`, which must lie in region `id` and be
    /// unmapped. Returns the frame, or nil when RAM is exhausted (nothing changes then).
    public func populatePage(at address: UInt64, in id: RegionID) -> UInt64? {
        let i = index(of: id)
        let page = MemRegion.roundDown(address)
        precondition(page >= entries[i].region.start && page < entries[i].region.pageEnd, "page outside its region")
        guard let frame = frames.allocate() else { return nil }
        guard pageTable.map(virtualAddress: page, to: frame, permissions: entries[i].region.permissions) else {
            frames.free(frame)
            return nil
        }
        entries[i].region.residentPages += 1
        return frame
    }

    /// Maps `frame` at the unmapped page holding `address` in region `id`, with the region's
    /// permissions less write where the frame is shared copy-on-write (`mappingPermissions`). The
    /// caller's reference to the frame becomes the mapping's. Returns false, changing nothing (the
    /// caller keeps its reference), when RAM cannot hold the page's tables.
    func mapFrame(_ frame: UInt64, at address: UInt64, in id: RegionID) -> Bool {
        let i = index(of: id)
        let page = MemRegion.roundDown(address)
        let region = entries[i].region
        precondition(page >= region.start && page < region.pageEnd, "page outside its region")
        guard pageTable.map(virtualAddress: page, to: frame,
                            permissions: mappingPermissions(region.permissions, frame: frame, in: region)) else { return false }
        entries[i].region.residentPages += 1
        return true
    }

    /// Resident pages summed over the regions of `kind`.
    public func residentPages(of kind: MemRegion.Kind) -> Int {
        entries.filter { $0.region.kind == kind }.reduce(0) { $0 + $1.region.residentPages }
    }

    /// Unmaps and frees every mapped page in `[from, to)`, keeping the regions (their resident
    /// counts drop); drops the frames' predecoded code and flushes the TLB if any page went.
    /// MAP_SHARED pages are written back to their file first (`writeBackSharedPages`).
    /// Returns how many pages were freed.
    @discardableResult
    public func releasePages(from: UInt64, to: UInt64) -> Int {
        writeBackSharedPages(from: from, to: to)
        var freed = 0
        for page in pageTable.mappedPages(from: from, to: to) {
            guard let frame = pageTable.unmap(virtualAddress: page) else { continue }
            caches.invalidateDecodedCode(physicalPage: frame)
            frames.free(frame)
            if let i = entries.firstIndex(where: { $0.region.contains(page) }) { entries[i].region.residentPages -= 1 }
            freed += 1
        }
        if freed > 0 { caches.flushTLB() }
        return freed
    }

    func index(of id: RegionID) -> Int {
        guard let i = entries.firstIndex(where: { $0.id == id }) else {
            preconditionFailure("region \(id.value) is not mapped")
        }
        return i
    }
}
