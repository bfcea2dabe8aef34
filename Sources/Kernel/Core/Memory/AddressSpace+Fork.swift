/// Copy-on-write fork of an address space, the write fault that ends the sharing, and teardown.
///
/// A fork maps every page of the parent into the child on the same frame (`FrameAllocator.share`).
/// Pages that were writable lose their write permission in both page tables; their region keeps
/// it. Pages of regions that share their pages (MAP_SHARED files and anonymous shared memory) stay
/// writable in both: parent and child share them. A store to a write-protected page then faults,
/// and `copyOnWrite` gives the writer a private copy, or, when no other mapping holds the frame any
/// more, takes the frame back writable. Pages of the page cache are mapped the same way (without
/// write in private mappings), so the first store to a file page read by a MAP_PRIVATE mapping
/// copies it too.
extension AddressSpace {
    /// A child address space for fork: the same regions (same ids) over the same frames, shared
    /// copy-on-write. Returns nil, changing nothing the parent can see except that its writable
    /// pages are now write-protected (which only costs a fault), when RAM cannot hold the child's
    /// page tables.
    public func forkCopy() -> AddressSpace? {
        guard let child = AddressSpace(frames: frames, caches: caches) else { return nil }
        child.entries = entries
        child.nextID = nextID
        var protectedAny = false
        for page in pageTable.mappedPages(from: 0, to: PageTable.userLimit) {
            guard let entry = pageTable.lookup(virtualAddress: page) else { continue }
            var permissions = entry.permissions
            if permissions.contains(.write), region(containing: page)?.region.sharesPages != true {
                permissions.remove(.write)
                pageTable.protect(virtualAddress: page, permissions: permissions)
                protectedAny = true
            }
            guard child.pageTable.map(virtualAddress: page, to: entry.physicalAddress, permissions: permissions) else {
                child.tearDown()
                if protectedAny { caches.flushTLB() }
                return nil
            }
            if !entry.isUser { child.pageTable.protect(virtualAddress: page, permissions: []) }
            frames.share(entry.physicalAddress)
        }
        if protectedAny { caches.flushTLB() }
        return child
    }

    /// The copy-on-write case of the seed's `handle_page_fault`: a store to a mapped page of region
    /// `id`, whose region allows writing but whose entry does not. The page gets a frame of its own
    /// (`ownPage`) mapped writable. A region that shares its pages writes the shared frame: made
    /// writable in place, never copied. Returns the frame now mapped and whether it was copied, or
    /// nil (nothing changed) when no frame is left for the copy.
    func copyOnWrite(at address: UInt64, in id: RegionID) -> (frame: UInt64, copied: Bool)? {
        let page = MemRegion.roundDown(address)
        guard let entry = pageTable.lookup(virtualAddress: page) else { preconditionFailure("copy-on-write of an unmapped page") }
        let region = self[id]
        precondition(region.permissions.contains(.write), "copy-on-write in a read-only region")
        guard region.sharesPages else { return ownPage(at: page, permissions: region.permissions) }
        pageTable.protect(virtualAddress: page, permissions: region.permissions)
        caches.flushTLB()
        return (entry.physicalAddress, false)
    }

    /// Gives the mapped page holding `address` a frame that no other mapping and no cache holds,
    /// mapped with `permissions` (none: supervisor-only, as `PageTable.protect` does): when other
    /// mappings hold its frame, a copy of it (dropping one reference to the old); else the same
    /// frame, which leaves the page cache if it held a file page. Returns the frame and whether it
    /// was copied, or nil (nothing changed) when no frame is left for the copy.
    func ownPage(at address: UInt64, permissions: MemoryPermissions) -> (frame: UInt64, copied: Bool)? {
        let page = MemRegion.roundDown(address)
        guard let entry = pageTable.lookup(virtualAddress: page) else { preconditionFailure("owning an unmapped page") }
        let old = entry.physicalAddress
        if frames.referenceCount(of: old) == 1 {
            frames.pageCache.forget(frame: old)
            pageTable.protect(virtualAddress: page, permissions: permissions)
            caches.flushTLB()
            return (old, false)
        }
        guard let copy = frames.allocate() else { return nil }
        frames.memory.hostPointer(copy).copyMemory(from: frames.memory.hostPointer(old), byteCount: Int(PageTable.pageSize))
        pageTable.unmap(virtualAddress: page)
        let mapped = pageTable.map(virtualAddress: page, to: copy, permissions: permissions.isEmpty ? .read : permissions)
        precondition(mapped, "the page's tables exist")
        if permissions.isEmpty { pageTable.protect(virtualAddress: page, permissions: []) }
        frames.free(old)
        caches.flushTLB()
        return (copy, true)
    }

    /// True when the page holding `address` is mapped without write permission although its
    /// region allows writing: a store to it is a copy-on-write fault.
    func isCopyOnWrite(_ address: UInt64) -> Bool {
        guard let entry = pageTable.lookup(virtualAddress: address), entry.isUser,
              !entry.permissions.contains(.write),
              let (_, region) = region(containing: address) else { return false }
        return region.permissions.contains(.write)
    }

    /// The permissions to map a page of `region` with `permissions` on `frame`: the region's when it
    /// shares its pages; else without write while another mapping shares the frame or the page cache
    /// holds it (copy-on-write).
    func mappingPermissions(_ permissions: MemoryPermissions, frame: UInt64, in region: MemRegion) -> MemoryPermissions {
        guard permissions.contains(.write), !region.sharesPages,
              frames.referenceCount(of: frame) > 1 || frames.pageCache.contains(frame: frame) else { return permissions }
        return permissions.subtracting(.write)
    }

    /// Unmaps every page (dropping one reference to each frame), frees every page-table frame and
    /// forgets every region: what exit and execve do to the old address space (seed: freeing the
    /// `addrspace`). The address space must not be used afterwards.
    public func tearDown() {
        releasePages(from: 0, to: PageTable.userLimit)
        pageTable.freeTables()
        entries.removeAll()
    }
}

extension PageTable {
    /// Frees every table frame, the root included. Precondition: no page is mapped any more.
    func freeTables() {
        freeTable(root, level: 2)
    }

    private func freeTable(_ table: UInt64, level: Int) {
        if level > 0 {
            for index in 0..<UInt64(512) {
                let entry = PageTableEntry(rawValue: memory.load(UInt64.self, at: table + index * 8))
                guard entry.isValid else { continue }
                precondition(!entry.isLeaf, "a page is still mapped")
                freeTable(entry.physicalAddress, level: level - 1)
            }
        }
        frames.free(table)
    }
}
