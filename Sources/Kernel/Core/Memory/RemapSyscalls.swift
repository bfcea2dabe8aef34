/// mremap and madvise: resizing and discarding anonymous memory.
enum RemapSyscalls {
    static let mayMove: UInt64 = 1
    static let dontNeed: UInt64 = 4

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(216, "mremap", [.hex, .decimal, .decimal, .hex, .hex], result: .hex, mremap),
        SyscallDefinition(233, "madvise", [.hex, .decimal, .decimal], madvise),
    ]

    /// mremap(old, oldSize, newSize, flags): shrinks in place, grows in place when the pages after
    /// are free, else moves with MREMAP_MAYMOVE (`AddressSpace.move`). `-EFAULT` when the old range
    /// is not inside one region, `-EINVAL` for bad sizes or flags (MREMAP_FIXED is not supported)
    /// or for the heap and stack, `-ENOMEM` when it cannot grow.
    static func mremap(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (old, flags) = (a[0], a[3])
        guard old % PageTable.pageSize == 0, a[1] <= PageTable.userLimit, a[2] > 0, a[2] <= PageTable.userLimit,
              flags & ~mayMove == 0 else { return .error(.EINVAL) }
        let oldSize = MemRegion.roundUp(a[1]), newSize = MemRegion.roundUp(a[2])
        let space = process.addressSpace
        guard oldSize > 0, let (id, region) = space.region(containing: old), old + oldSize <= region.pageEnd else {
            return .error(.EFAULT)
        }
        guard !process.pinnedRegions.contains(id) else { return .error(.EINVAL) }
        if newSize <= oldSize {
            if newSize < oldSize { space.unmap(from: old + newSize, to: old + oldSize, pinned: process.pinnedRegions) }
            return .value(Int64(old))
        }
        if region.pageEnd == old + oldSize, old + newSize <= process.mmapCeiling,
           space.isFree(from: old + oldSize, to: old + newSize),
           case .success = space.extend(id, by: Int64(newSize - oldSize)) {
            return .value(Int64(old))
        }
        guard flags & mayMove != 0,
              let target = space.highestFreeRange(size: newSize, floor: process.mmapFloor, ceiling: process.mmapCeiling),
              space.move(from: old, size: oldSize, to: target, size: newSize) else { return .error(.ENOMEM) }
        return .value(Int64(target))
    }

    /// madvise(addr, length, advice): MADV_DONTNEED frees the range's pages (they read as zeros
    /// when touched again); other advice is accepted and ignored. `-EINVAL` for an unaligned address,
    /// `-ENOMEM` when a page of the range is in no region.
    static func madvise(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        guard a[0] % PageTable.pageSize == 0, a[1] <= PageTable.userLimit,
              a[0] <= PageTable.userLimit - MemRegion.roundUp(a[1]) else { return .error(.EINVAL) }
        let (start, length) = (a[0], MemRegion.roundUp(a[1]))
        guard length > 0 else { return .value(0) }
        guard process.addressSpace.covers(from: start, to: start + length) else { return .error(.ENOMEM) }
        if a[2] == dontNeed { process.addressSpace.releasePages(from: start, to: start + length) }
        return .value(0)
    }
}
