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
        releasePages(from: start, to: end)
        entries.removeAll { $0.region.start >= start && $0.region.pageEnd <= end && !pinned.contains($0.id) }
    }

    /// Moves the pages of `[oldStart, oldStart + oldSize)`, which lie in one region, to a new region
    /// `[newStart, newStart + newSize)` with the same kind, permissions, name and file (the moving case
    /// of `mremap`). Frames move with their contents; nothing is copied. The old range is removed.
    /// Returns false, changing nothing, when RAM cannot hold the page tables the new range needs:
    /// the pages moved so far go back to their old places, whose tables still exist.
    /// Preconditions: page-aligned bounds, `newSize >= oldSize`, the new range free.
    public func move(from oldStart: UInt64, size oldSize: UInt64, to newStart: UInt64, size newSize: UInt64) -> Bool {
        precondition(isFree(from: newStart, to: newStart + newSize) && newSize >= oldSize, "bad move")
        guard let (_, region) = region(containing: oldStart), region.pageEnd >= oldStart + oldSize else {
            preconditionFailure("moving pages that are not in one region")
        }
        let permissions = region.permissions.isEmpty ? MemoryPermissions.read : region.permissions
        var moved: [(page: UInt64, frame: UInt64)] = []
        for page in pageTable.mappedPages(from: oldStart, to: oldStart + oldSize) {
            guard let frame = pageTable.unmap(virtualAddress: page) else { continue }
            let target = newStart + (page - oldStart)
            let targetPermissions = region.permissions.isEmpty ? permissions : mappingPermissions(permissions, frame: frame, in: region)
            guard pageTable.map(virtualAddress: target, to: frame, permissions: targetPermissions) else {
                let restored = pageTable.map(virtualAddress: page, to: frame, permissions: targetPermissions)
                precondition(restored, "an old page's table exists")
                putBack(moved, from: newStart, to: oldStart, region: region)
                return false
            }
            if region.permissions.isEmpty { pageTable.protect(virtualAddress: target, permissions: []) }
            moved.append((page, frame))
        }
        for (_, frame) in moved { caches.invalidateDecodedCode(physicalPage: frame) }
        var target = region
        target.start = newStart
        target.end = newStart + newSize
        target.advanceBackingOffsets(by: oldStart - region.start)
        let id = add(target)
        entries[index(of: id)].region.residentPages = moved.count
        unmap(from: oldStart, to: oldStart + oldSize, pinned: [])
        if !moved.isEmpty { caches.flushTLB() }
        return true
    }

    /// Undoes a failed `move`: maps each moved page back from the new range to its old place.
    private func putBack(_ moved: [(page: UInt64, frame: UInt64)], from newStart: UInt64, to oldStart: UInt64,
                         region: MemRegion) {
        let empty = region.permissions.isEmpty
        let permissions = empty ? MemoryPermissions.read : region.permissions
        for (page, frame) in moved {
            _ = pageTable.unmap(virtualAddress: newStart + (page - oldStart))
            let restored = pageTable.map(virtualAddress: page, to: frame,
                                         permissions: empty ? permissions : mappingPermissions(permissions, frame: frame, in: region))
            precondition(restored, "an old page's table exists")
            if empty { pageTable.protect(virtualAddress: page, permissions: []) }
        }
        if !moved.isEmpty { caches.flushTLB() }
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
