extension AddressSpace {
    /// Gives every page of `[start, end)` new `permissions` (the core of `mprotect`).
    ///
    /// Regions that straddle a boundary are split; the piece that keeps the region's end keeps its
    /// id (so the heap's id still names the piece `sbrk` moves). Mapped pages keep their frames and
    /// contents (a frame still shared copy-on-write stays write-protected); their predecoded code is dropped and the TLB flushed (if any page was mapped). Fails with `.bound`, changing
    /// nothing, when some page of the range is in no region. Preconditions: both bounds page-aligned,
    /// `start < end`.
    public func protect(from start: UInt64, to end: UInt64, permissions: MemoryPermissions) -> Result<Void, VMError> {
        precondition(start % PageTable.pageSize == 0 && end % PageTable.pageSize == 0 && start < end, "bad protect range")
        var cursor = start
        while cursor < end {
            guard let (_, region) = region(containing: cursor) else { return .failure(.bound) }
            cursor = region.pageEnd
        }
        for (id, region) in entries where region.start < end && start < region.pageEnd {
            split(id, at: start)
            split(id, at: end)
        }
        for i in entries.indices where entries[i].region.start >= start && entries[i].region.pageEnd <= end {
            entries[i].region.permissions = permissions
        }
        let pages = pageTable.mappedPages(from: start, to: end)
        for page in pages {
            guard let frame = pageTable.lookup(virtualAddress: page)?.physicalAddress,
                  let (_, region) = region(containing: page) else { continue }
            pageTable.protect(virtualAddress: page, permissions: mappingPermissions(permissions, frame: frame, in: region))
            caches.invalidateDecodedCode(physicalPage: frame)
        }
        if !pages.isEmpty { caches.flushTLB() }
        mergeAdjacentMappings()
        return .success(())
    }

    /// Joins neighbouring anonymous mappings (`.mmap` regions without a file) that touch and have the same
    /// permissions into one region, as Linux merges VMAs, so that a later `mremap` of a range that
    /// `mprotect` split and restored, or of two adjacent `mmap`s, sees one region. The upper
    /// piece keeps its id. Other kinds of region are never merged.
    public func mergeAdjacentMappings() {
        var merging = true
        while merging {
            merging = false
            let order = entries.indices.sorted { entries[$0].region.start < entries[$1].region.start }
            for (lowerIndex, upperIndex) in zip(order, order.dropFirst()) {
                let lower = entries[lowerIndex].region, upper = entries[upperIndex].region
                guard lower.kind == .mmap, upper.kind == .mmap, lower.permissions == upper.permissions,
                      lower.backing == nil, upper.backing == nil,
                      lower.sharedMemory == nil, upper.sharedMemory == nil, lower.name == upper.name,
                      lower.end == lower.pageEnd, lower.pageEnd == upper.start else { continue }
                entries[upperIndex].region.start = lower.start
                entries[upperIndex].region.residentPages += lower.residentPages
                entries.remove(at: lowerIndex)
                merging = true
                break
            }
        }
    }

    /// Splits region `id` at page boundary `address` if it lies strictly inside it: the part below
    /// gets a new id, the part from `address` keeps `id` (a file mapping's offset moves with its
    /// start). Resident pages are recounted per part.
    func split(_ id: RegionID, at address: UInt64) {
        let i = index(of: id)
        let region = entries[i].region
        guard address > region.start, address < region.pageEnd else { return }
        var lower = region
        lower.end = address
        lower.residentPages = pageTable.mappedPages(from: lower.start, to: address).count
        entries[i].region.start = address
        entries[i].region.advanceBackingOffsets(by: address - region.start)
        entries[i].region.residentPages = pageTable.mappedPages(from: address, to: region.pageEnd).count
        _ = add(lower)
    }
}
