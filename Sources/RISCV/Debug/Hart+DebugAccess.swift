/// Memory access for a debugger: through the hart's current translation, with no side effects.
///
/// The walk is the Sv39 walk of `MMU`, with the data privilege in effect (MPRV applied), except
/// that it ignores the R/W/X/U permission bits (a debugger may read code and write read-only
/// data, as ptrace does), sets no A or D bit, fills no TLB entry and records no fault. Watchpoints
/// do not match these accesses. A write drops the predecoded code of the pages it changes.
extension Hart {
    /// The physical address of virtual address `va` for the debugger, or nil when no valid leaf
    /// maps it or it lies outside RAM.
    public func debugTranslate(_ va: UInt64) -> UInt64? {
        let pa: UInt64
        if effectiveDataPrivilege == .machine || csrs.satp >> 60 == 0 {
            pa = va
        } else {
            guard let walked = debugWalk(va) else { return nil }
            pa = walked
        }
        return memory.contains(pa) ? pa : nil
    }

    /// Up to `count` bytes at `va`: the bytes up to the first one `debugTranslate` cannot reach.
    public func debugRead(_ va: UInt64, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var cursor = va
        while bytes.count < count, let pa = debugTranslate(cursor) {
            let length = min(count - bytes.count, Int(PhysicalMemory.pageSize - (pa & 0xfff)))
            bytes += memory.read(at: pa, length: length)
            let (next, overflow) = cursor.addingReportingOverflow(UInt64(length))
            if overflow { break }
            cursor = next
        }
        return bytes
    }

    /// Writes `bytes` at `va` when every byte is reachable (else writes nothing and returns false),
    /// dropping the predecoded code of each page written.
    public func debugWrite(_ bytes: [UInt8], at va: UInt64) -> Bool {
        var pieces: [(pa: UInt64, range: Range<Int>)] = []
        var offset = 0
        while offset < bytes.count {
            let (cursor, overflow) = va.addingReportingOverflow(UInt64(offset))
            guard !overflow, let pa = debugTranslate(cursor) else { return false }
            let length = min(bytes.count - offset, Int(PhysicalMemory.pageSize - (pa & 0xfff)))
            pieces.append((pa, offset..<offset + length))
            offset += length
        }
        for piece in pieces {
            memory.write(bytes[piece.range], at: piece.pa)
            invalidateDecodedCode(physicalPage: piece.pa)
        }
        return true
    }

    /// The Sv39 walk of `translatePhysical` without permission checks or A/D updates.
    private func debugWalk(_ va: UInt64) -> UInt64? {
        let high = Int64(bitPattern: va) >> 38
        guard high == 0 || high == -1 else { return nil }
        var tableBase = (csrs.satp & PTE.ppnMask) << 12
        var level = 2
        while true {
            let vpn = (va >> (12 + 9 * UInt64(level))) & 0x1ff
            let pteAddress = tableBase &+ vpn * 8
            guard memory.contains(pteAddress, length: 8) else { return nil }
            let pte = memory.load(UInt64.self, at: pteAddress)
            if pte & PTE.valid == 0 || (pte & PTE.read == 0 && pte & PTE.write != 0) || pte >> 54 != 0 { return nil }
            let ppn = (pte >> 10) & PTE.ppnMask
            if pte & (PTE.read | PTE.execute) == 0 {
                if pte & (PTE.dirty | PTE.accessed | PTE.user) != 0 || level == 0 { return nil }
                level -= 1
                tableBase = ppn << 12
                continue
            }
            let superpageMask: UInt64 = (1 << (9 * UInt64(level))) - 1
            if ppn & superpageMask != 0 { return nil }
            let offsetBits = 12 + 9 * UInt64(level)
            return (ppn << 12) | (va & ((1 << offsetBits) - 1))
        }
    }
}
