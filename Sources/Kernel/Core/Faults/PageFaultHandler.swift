/// Resolves user page faults: maps a fresh zeroed page where a region allows the access, or says
/// why the process must die (seed: `handle_page_fault`).
struct PageFaultHandler {
    /// A fault below the stack region but within this distance of it is reported as the stack
    /// limit being exceeded (Linux's stack guard gap is the same 1 MiB).
    static let stackGuardGap: UInt64 = 1 << 20

    enum Resolution: Equatable {
        /// The page was mapped; the access can be retried.
        case mapped(page: UInt64, frame: UInt64, kind: MemRegion.Kind)
        /// The page was mapped with the file's page at `offset`: read from the file, or found in the
        /// page cache (`fromCache`) (`fillFromBackingStore`).
        case filled(page: UInt64, frame: UInt64, kind: MemRegion.Kind, path: String, offset: UInt64, fromCache: Bool)
        /// The page of an anonymous MAP_SHARED region was mapped on its shared frame, allocated now
        /// when `fresh` (`mapSharedMemory`).
        case mappedShared(page: UInt64, frame: UInt64, kind: MemRegion.Kind, fresh: Bool)
        /// A store hit a page shared copy-on-write: it now has a private writable frame (`copied`),
        /// or its frame was the last reference and was made writable in place.
        case copiedOnWrite(page: UInt64, frame: UInt64, kind: MemRegion.Kind, copied: Bool)
        /// The process must be killed. `message` is the whole kill line after `tinyrv: killed: `;
        /// `region` is the kind of the region hit, nil when none was.
        case kill(KillReason, message: String, region: MemRegion.Kind?, traceReason: String)
    }

    let addressSpace: AddressSpace
    let stackRegion: RegionID
    let stackPages: Int

    /// Handles a fault of `access` at `address` by the instruction at `pc`, with the user stack
    /// pointer `stackPointer` (used only to word the kill message of a stack overflow).
    ///
    /// 1. Find the region (`as_find_memregion`); none kills with 139.
    /// 2. Check the access against the region's permissions; a forbidden access kills with 139.
    /// 3. Copy-on-write: a store to a mapped page whose entry lacks the write permission that its
    ///    region grants (a page fork shared) gets a private copy (`AddressSpace.copyOnWrite`); no
    ///    frame left for the copy kills with 137.
    /// 4. If the page is already mapped otherwise, the access must have crossed into the next page
    ///    (the hart reported the start of a page-crossing access); that page is handled instead. A
    ///    fault on a mapped page that allows the access is a kernel bug.
    /// 5. A file mapping's page comes from the page cache or its backing store (`fillFromBackingStore`);
    ///    an anonymous MAP_SHARED page from its shared memory (`mapSharedMemory`).
    /// 6. Otherwise allocate a zeroed frame and map it (`pmem_alloc`, `vpmap_map`); no frame left kills with 137.
    func handle(address: UInt64, access: MemoryAccess, pc: UInt64, stackPointer: UInt64 = .max) -> Resolution {
        var target = address
        for attempt in 0..<2 {
            guard let (id, region) = addressSpace.region(containing: target) else {
                return kill(.memoryFault, address: address, access: access, pc: pc, region: nil,
                            reason: reasonOutsideRegions(target, stackPointer: stackPointer), traceReason: "no region")
            }
            guard region.permissions.contains(access.requiredPermission) else {
                let reason = "\(Self.verb(access)) \(region.kind.rawValue) region (\(region.permissions))"
                return kill(.memoryFault, address: address, access: access, pc: pc, region: region.kind,
                            reason: reason, traceReason: "\(region.kind.rawValue) \(region.permissions)")
            }
            if let entry = addressSpace.pageTable.lookup(virtualAddress: target) {
                if access == .store, entry.isUser, !entry.permissions.contains(.write) {
                    guard let (frame, copied) = addressSpace.copyOnWrite(at: target, in: id) else {
                        return kill(.outOfMemory, address: address, access: access, pc: pc, region: region.kind,
                                    reason: "out of guest memory (--memory)", traceReason: "\(region.kind.rawValue) copy-on-write out of memory")
                    }
                    return .copiedOnWrite(page: MemRegion.roundDown(target), frame: frame, kind: region.kind, copied: copied)
                }
                precondition(attempt == 0, "page fault at \(hex(address)) on pages mapped with its access allowed")
                target = MemRegion.roundDown(target) + PageTable.pageSize
                continue
            }
            if let backing = region.backing {
                return fillFromBackingStore(page: MemRegion.roundDown(target), in: id, region: region, backing: backing,
                                            address: address, access: access, pc: pc)
            }
            if let shared = region.sharedMemory {
                return mapSharedMemory(page: MemRegion.roundDown(target), in: id, region: region, shared: shared,
                                       address: address, access: access, pc: pc)
            }
            guard let frame = addressSpace.populatePage(at: target, in: id) else {
                return outOfMemory(address: address, access: access, pc: pc, region: region)
            }
            return .mapped(page: MemRegion.roundDown(target), frame: frame, kind: region.kind)
        }
        preconditionFailure("unreachable")
    }

    /// Why an address outside every region is invalid, naming the stack limit when it was exceeded:
    /// the address is below the stack, above every other region, and either within the guard gap
    /// or at or above a stack pointer that itself ran off the stack (a frame larger than the gap).
    private func reasonOutsideRegions(_ address: UInt64, stackPointer: UInt64) -> String {
        if address >= PageTable.userLimit {
            return address >> 38 == (1 << 26) - 1 ? "kernel address" : "non-canonical address"
        }
        let stack = addressSpace[stackRegion]
        if address >= stack.end { return "no memory region (at or above the stack top \(hex(stack.end)))" }
        let highestBelowStack = addressSpace.regions.filter { $0.kind != .stack }.map(\.pageEnd).max() ?? 0
        let stackPointerRanOff = stackPointer < stack.start && stackPointer >= highestBelowStack
        if address < stack.start, address >= highestBelowStack,
           stack.start - address <= PageFaultHandler.stackGuardGap || (stackPointerRanOff && address >= stackPointer) {
            return "stack limit exceeded (\(stackPages) pages; raise it with --stack-pages)"
        }
        return "no memory region"
    }

    /// The kill resolution for a fault, its message naming the fault, the address, the pc and `text`.
    func kill(_ reason: KillReason, address: UInt64, access: MemoryAccess, pc: UInt64,
              region: MemRegion.Kind?, reason text: String, traceReason: String) -> Resolution {
        .kill(reason, message: "\(Self.faultName(access)) at \(hex(address)) (pc \(hex(pc))): \(text)",
              region: region, traceReason: traceReason)
    }

    /// "load page fault", "store page fault" or "instruction page fault", as the trap is named.
    static func faultName(_ access: MemoryAccess) -> String {
        switch access {
        case .load: return "load page fault"
        case .store: return "store page fault"
        case .fetch: return "instruction page fault"
        }
    }

    private static func verb(_ access: MemoryAccess) -> String {
        switch access {
        case .load: return "read from unreadable"
        case .store: return "write to read-only"
        case .fetch: return "execute from non-executable"
        }
    }
}
