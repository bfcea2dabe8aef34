/// Copy-on-write fork of an address space, the write fault that ends the sharing, and teardown.
///
/// A fork maps every page of the parent into the child on the same frame (`FrameAllocator.share`).
/// Pages that were writable lose their write permission in both page tables; their region keeps
/// it. Pages of MAP_SHARED file mappings stay writable in both: parent and child share them. A store to such a page then faults, and `copyOnWrite` gives the writer a private copy, or,
/// when no other mapping holds the frame any more, takes the frame back writable.
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
            if permissions.contains(.write), region(containing: page)?.region.backing?.shared != true {
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
    /// `id`, whose region allows writing but whose entry does not. When the frame has other
    /// mappings, copies it into a fresh frame mapped writable here (dropping one reference to the
    /// old); when this is the last mapping, makes it writable in place. Returns the frame now
    /// mapped and whether it was copied, or nil (nothing changed) when no frame is left for the copy.
    func copyOnWrite(at address: UInt64, in id: RegionID) -> (frame: UInt64, copied: Bool)? {
        let page = MemRegion.roundDown(address)
        guard let entry = pageTable.lookup(virtualAddress: page) else { preconditionFailure("copy-on-write of an unmapped page") }
        let permissions = self[id].permissions
        precondition(permissions.contains(.write), "copy-on-write in a read-only region")
        let old = entry.physicalAddress
        if frames.referenceCount(of: old) == 1 {
            pageTable.protect(virtualAddress: page, permissions: permissions)
            caches.flushTLB()
            return (old, false)
        }
        guard let copy = frames.allocate() else { return nil }
        frames.memory.hostPointer(copy).copyMemory(from: frames.memory.hostPointer(old), byteCount: Int(PageTable.pageSize))
        pageTable.unmap(virtualAddress: page)
        let mapped = pageTable.map(virtualAddress: page, to: copy, permissions: permissions)
        precondition(mapped, "the page's tables exist")
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

    /// The permissions to map a page of a region with `permissions` on `frame`: without write while
    /// another mapping shares the frame (copy-on-write), else the region's.
    func mappingPermissions(_ permissions: MemoryPermissions, frame: UInt64) -> MemoryPermissions {
        guard permissions.contains(.write), frames.referenceCount(of: frame) > 1 else { return permissions }
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
