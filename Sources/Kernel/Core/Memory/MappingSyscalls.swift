/// mmap, munmap and mprotect: each mapping is a lazily backed `.mmap` region, anonymous or with a
/// file as its backing store (`FileMappings`).
enum MappingSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(222, "mmap", [.hex, .decimal, .hex, .hex, .decimal, .hex], result: .hex, mmap),
        SyscallDefinition(215, "munmap", [.hex, .decimal], munmap),
        SyscallDefinition(226, "mprotect", [.hex, .decimal, .hex], mprotect),
    ]

    /// Linux's PROT_* and MAP_* bits.
    static let protRead: UInt64 = 1, protWrite: UInt64 = 2, protExec: UInt64 = 4
    static let mapShared: UInt64 = 0x01, mapPrivate: UInt64 = 0x02, mapFixed: UInt64 = 0x10, mapAnonymous: UInt64 = 0x20
    static let mapFixedNoReplace: UInt64 = 0x10_0000
    /// Linux's default `mmap_min_addr`: no fixed mapping may start below it.
    static let minimumAddress: UInt64 = 0x10000

    /// mmap(addr, length, prot, flags, fd, offset): a new `.mmap` region, anonymous or backed by the
    /// file `fd` from `offset` (`FileMappings.backing`, which names the file errors), placed at
    /// `addr` with MAP_FIXED (replacing what was there; `-ENOMEM`, changing nothing, when that would
    /// cut into the heap or the stack, which the kernel names by id) or MAP_FIXED_NOREPLACE (`-EEXIST` on
    /// overlap; `-EPERM` below `minimumAddress`), else at `addr` if that range is free, else in the highest free gap below the
    /// stack's guard gap. Pages are allocated when first touched. Anonymous MAP_SHARED memory is a
    /// `SharedMemory` object, which fork keeps shared. `-EINVAL` for a zero length, an
    /// unaligned fixed address or bad flags; `-ENOMEM` when no gap fits.
    static func mmap(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (hint, length, prot, flags) = (a[0], a[1], a[2], a[3])
        guard length > 0, length <= PageTable.userLimit, prot & ~(protRead | protWrite | protExec) == 0,
              flags & (mapShared | mapPrivate) != 0 else { return .error(.EINVAL) }
        var backing: FileBacking? = nil
        if flags & mapAnonymous == 0 {
            switch FileMappings.backing(process, descriptor: a[4], offset: a[5], length: length, prot: prot,
                                        shared: flags & mapShared != 0) {
            case .success(let found): backing = found
            case .failure(let errno): return .error(errno)
            }
        }
        let size = MemRegion.roundUp(length)
        let space = process.addressSpace
        let start: UInt64
        if flags & (mapFixed | mapFixedNoReplace) != 0 {
            guard hint % PageTable.pageSize == 0, hint <= PageTable.userLimit - size else { return .error(.EINVAL) }
            guard hint >= minimumAddress else { return .error(.EPERM) }
            if !space.isFree(from: hint, to: hint + size) {
                guard flags & mapFixed != 0 else { return .error(.EEXIST) }
                guard !process.pinnedRegions.contains(where: { space[$0].start < hint + size && hint < space[$0].pageEnd })
                else { return .error(.ENOMEM) }
                space.unmap(from: hint, to: hint + size, pinned: process.pinnedRegions)
            }
            start = hint
        } else if hint != 0, hint % PageTable.pageSize == 0, hint <= PageTable.userLimit - size,
                  hint >= process.mmapFloor, space.isFree(from: hint, to: hint + size) {
            start = hint
        } else {
            guard let found = space.highestFreeRange(size: size, floor: process.mmapFloor, ceiling: process.mmapCeiling) else {
                return .error(.ENOMEM)
            }
            start = found
        }
        var region = MemRegion(kind: .mmap, start: start, end: start + size, permissions: permissions(prot))
        region.backing = backing
        region.name = backing?.file.path
        if backing == nil, flags & mapShared != 0 {
            region.sharedMemory = SharedMemoryBacking(object: SharedMemory(frames: space.frames), offset: 0)
            region.name = "/dev/zero (deleted)"
        }
        guard case .success = space.map(region) else { return .error(.ENOMEM) }
        space.mergeAdjacentMappings()
        return .value(Int64(start))
    }

    /// munmap(addr, length): removes the pages of the range (`AddressSpace.unmap`); the heap and
    /// stack regions stay, emptied. `-EINVAL` for an unaligned address, a zero length or a range
    /// outside user space.
    static func munmap(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (start, length) = (a[0], a[1])
        guard start % PageTable.pageSize == 0, length > 0, length <= PageTable.userLimit,
              start <= PageTable.userLimit - MemRegion.roundUp(length) else { return .error(.EINVAL) }
        process.addressSpace.unmap(from: start, to: start + MemRegion.roundUp(length), pinned: process.pinnedRegions)
        return .value(0)
    }

    /// mprotect(addr, len, prot): new permissions for whole pages (`AddressSpace.protect`).
    /// `-EINVAL` for an unaligned address or unknown bits, `-ENOMEM` when a page is in no region,
    /// `-EACCES` for PROT_WRITE on a shared mapping of a file not open for writing.
    static func mprotect(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (start, length, prot) = (a[0], a[1], a[2])
        guard start % PageTable.pageSize == 0, prot & ~(protRead | protWrite | protExec) == 0 else { return .error(.EINVAL) }
        guard length > 0 else { return .value(0) }
        let (sum, overflow) = start.addingReportingOverflow(length)
        guard !overflow, sum <= PageTable.userLimit else { return .error(.ENOMEM) }
        if let denied = FileMappings.protectionError(process, from: start, to: MemRegion.roundUp(sum), prot: prot) {
            return .error(denied)
        }
        switch process.addressSpace.protect(from: start, to: MemRegion.roundUp(sum), permissions: permissions(prot)) {
        case .success: return .value(0)
        case .failure: return .error(.ENOMEM)
        }
    }

    /// PROT_* as permissions; on RISC-V write and execute imply read.
    static func permissions(_ prot: UInt64) -> MemoryPermissions {
        var permissions: MemoryPermissions = []
        if prot & protRead != 0 { permissions.insert(.read) }
        if prot & protWrite != 0 { permissions.formUnion([.read, .write]) }
        if prot & protExec != 0 { permissions.formUnion([.read, .execute]) }
        return permissions
    }
}

extension Process {
    /// Regions the process names by id, which `munmap` empties but never removes.
    var pinnedRegions: Set<RegionID> { [heapRegion, stackRegion] }
    /// Anonymous mappings go below this: the stack's bottom less Linux's 1 MiB stack guard gap.
    var mmapCeiling: UInt64 { addressSpace[stackRegion].start - PageFaultHandler.stackGuardGap }
    /// ... and above this: the current break, so the heap keeps the room it already has.
    var mmapFloor: UInt64 { MemRegion.roundUp(programBreak) }
}
