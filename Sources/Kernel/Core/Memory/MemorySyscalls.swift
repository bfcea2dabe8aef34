/// brk, sbrk and info: the heap and the counters of the lab.
enum MemorySyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(214, "brk", [.hex], result: .hex, brk),
        SyscallDefinition(2000, "sbrk", [.decimal], result: .hex, sbrk),
        SyscallDefinition(2001, "info", [.hex], info),
    ]

    /// sbrk(increment) (seed: `sys_sbrk`): moves the break with `memregion_extend` and returns the
    /// old break; `-EINVAL` for `ERR_VM_INVALID`, `-ENOMEM` for `ERR_VM_BOUND`, heap unchanged.
    static func sbrk(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        switch process.addressSpace.extend(process.heapRegion, by: Int64(bitPattern: a[0])) {
        case .success(let old): return .value(Int64(old))
        case .failure(.invalid): return .error(.EINVAL)
        case .failure(.bound): return .error(.ENOMEM)
        }
    }

    /// brk(addr), Linux semantics: moves the break to `addr` and returns the new break; returns the
    /// current break unchanged for 0, an address below the heap's start, or a move that fails.
    static func brk(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let current = process.programBreak
        let target = a[0]
        guard target >= process.heapStart, target != current, target < PageTable.userLimit else {
            return .value(Int64(current))
        }
        let delta = Int64(bitPattern: target &- current)
        switch process.addressSpace.extend(process.heapRegion, by: delta) {
        case .success: return .value(Int64(target))
        case .failure: return .value(Int64(current))
        }
    }

    /// info(p): writes `Process.infoCounters()` (64 bytes) to `p`; 0, or `-EFAULT` for a bad pointer.
    static func info(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        IOSyscalls.complete(process.copyOut(GuestBytes.words(process.infoCounters()), to: a[0]), value: 0)
    }
}

extension Process {
    /// The eight counters of the `info` call (2001), in order:
    /// 0 `num_pgfault` (user page faults of this process), 1 instructions retired,
    /// 2 resident stack pages, 3 resident heap pages, 4 heap start, 5 current break,
    /// 6 frames in use in guest RAM (page tables included), 7 unused (0).
    public func infoCounters() -> [UInt64] {
        [UInt64(pageFaults.total), hart.instructionsRetired,
         UInt64(addressSpace.residentPages(of: .stack)), UInt64(addressSpace.residentPages(of: .heap)),
         heapStart, programBreak, UInt64(addressSpace.frames.framesInUse), 0]
    }
}
