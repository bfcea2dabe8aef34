extension AddressSpace {
    /// Removes every page of `[start, end)` from the address space (the core of `munmap`): regions
    /// that straddle a boundary are split, the pieces inside lose their mapped pages (frames freed,
    /// predecoded code dropped, TLB flushed) and are removed, except those whose id is in `pinned`
    /// (the heap and the stack, which the process names by id), which stay as regions with no pages
    /// (a later touch reads zeros). A range that holds no region is not an error.
    /// Preconditions: both bounds page-aligned, `start < end`.
    public func unmap(from start: UInt64, to end: UInt64, pinned: Set<RegionID>) {
        precondition(start % PageTable.pageSize == 0 && end % PageTable.pageSize == 0 && start < end, "bad unmap range")
        for (id, region) in entries where region.start < end && start < region.pageEnd {
            split(id, at: start)
            split(id, at: end)
        }
        var freed = 0
        for page in pageTable.mappedPages(from: start, to: end) {
            guard let frame = pageTable.unmap(virtualAddress: page) else { continue }
            caches.invalidateDecodedCode(physicalPage: frame)
            frames.free(frame)
            freed += 1
        }
        for i in entries.indices where entries[i].region.start >= start && entries[i].region.pageEnd <= end {
            entries[i].region.residentPages = 0
        }
        entries.removeAll { $0.region.start >= start && $0.region.pageEnd <= end && !pinned.contains($0.id) }
        if freed > 0 { caches.flushTLB() }
    }

    /// The highest page-aligned address `a` with `[a, a + size)` free of every region and inside
    /// `[floor, ceiling)`, or nil when no gap is large enough. Precondition: `size` is a positive
    /// multiple of the page size.
    public func highestFreeRange(size: UInt64, floor: UInt64, ceiling: UInt64) -> UInt64? {
        precondition(size > 0 && size % PageTable.pageSize == 0, "bad range size")
        var top = ceiling
        for region in regions.reversed() {
            guard region.start < top else { continue }
            if region.pageEnd <= top, top - region.pageEnd >= size, top - size >= floor { return top - size }
            top = min(top, region.start)
            if top < floor { return nil }
        }
        return top >= floor && top - floor >= size ? top - size : nil
    }

    /// True when no region holds a page of `[start, end)`.
    public func isFree(from start: UInt64, to end: UInt64) -> Bool {
        !entries.contains { $0.region.start < end && start < $0.region.pageEnd }
    }
}
