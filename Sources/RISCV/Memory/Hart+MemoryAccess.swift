/// Loads and stores through the TLB, with slow paths for misses, misaligned accesses and `tohost`.
///
/// **Misaligned loads and stores are handled transparently** (no cause 4/6 for ordinary accesses):
/// a misaligned access never hits the TLB and is done byte by byte by the slow path, also across a
/// page boundary, where both pages are translated (and checked) before any byte is stored. A fault
/// reports the address of the first faulting byte: `va` itself when the first page faults, the
/// second page's first address when only the second page faults. Only atomics trap on misalignment.
///
/// A store whose bytes cover the physical address `tohostAddress` completes and then stops `run`
/// with `.tohost(word)`, where word is the 64-bit value at tohost (or the stored value, when tohost
/// lies outside RAM, where it is then the only thing that can be written). A word of 0 is no
/// command (Spike's HTIF ignores it): the store completes as any other and `run` goes on.
///
/// With `hasCLINT`, loads and stores that reach the CLINT's window are device accesses (`CLINT.swift`).
///
/// Stores take the slow path on the page of a pending LR reservation (no write TLB entry), where
/// a store to the reserved doubleword drops the reservation (see `RV64A`).
extension Hart {
    /// Translates `va`, checks that its page is RAM and caches the page in the TLB (no write entry
    /// for tohost's page, none for a page a matching watchpoint covers). Returns the physical
    /// address, or nil with `lastFault` set.
    func translateAndCache(_ va: UInt64, _ access: AccessType, pc: UInt64) -> UInt64? {
        guard let pa = translatePhysical(va, access, pc: pc) else { return nil }
        let pageStart = pa & TLB.pageMask
        guard memory.contains(pageStart, length: PhysicalMemory.pageSize) else {
            lastFault = Trap(access.accessFault, value: va, pc: pc)
            return nil
        }
        let table: UnsafeMutablePointer<TLBEntry>
        switch access {
        case .read:
            if watchpointsArmed && watchCovers(page: va & TLB.pageMask, write: false) { return pa }
            table = tlb.read
        case .execute: table = tlb.fetch
        case .write:
            if let tohost = tohostAddress, tohost & TLB.pageMask == pageStart { return pa }
            if let reserved = reservation, reserved & TLB.pageMask == pageStart { return pa }
            if watchpointsArmed && watchCovers(page: va & TLB.pageMask, write: true) { return pa }
            table = tlb.write
        }
        tlb.fill(table, virtualPage: va & TLB.pageMask, hostPage: memory.hostPointer(pageStart))
        return pa
    }

    /// The physical addresses of the first byte of `va` and of the first byte on the next page
    /// (equal to the first when the access stays on one page).
    private func translateSpan(_ va: UInt64, size: UInt64, _ access: AccessType, pc: UInt64) -> (UInt64, UInt64)? {
        guard let first = translateAndCache(va, access, pc: pc) else { return nil }
        let last = va &+ (size - 1)
        if (last ^ va) & TLB.pageMask == 0 { return (first, first) }
        guard let second = translateAndCache(last & TLB.pageMask, access, pc: pc) else { return nil }
        return (first, second)
    }

    /// Physical address of byte `i` of an access at `va` spanning `pages`.
    @inline(__always)
    private func byteAddress(_ va: UInt64, _ i: UInt64, _ pages: (UInt64, UInt64)) -> UInt64 {
        let byteVA = va &+ i
        let page = (byteVA ^ va) & TLB.pageMask == 0 ? pages.0 : pages.1
        return (page & TLB.pageMask) | (byteVA & 0xfff)
    }

    /// Drops the LR reservation when a store writes a byte of the reserved doubleword.
    @inline(__always)
    func dropReservation(ifStoreTouches pa: UInt64) {
        if let reserved = reservation, reserved & ~7 == pa & ~7 { reservation = nil }
    }

    @inline(never)
    func loadSlow(_ va: UInt64, size: UInt64, pc: UInt64) -> UInt64? {
        if let pa = clintAddress(va, .read, pc: pc) { return clintLoad(pa, size: size, va: va, pc: pc) }
        guard let pages = translateSpan(va, size: size, .read, pc: pc) else { return nil }
        var value: UInt64 = 0
        for i in 0..<size {
            value |= UInt64(memory.load(UInt8.self, at: byteAddress(va, i, pages))) << (8 * i)
        }
        if watchpointsArmed { noteAccess(va, size: size, write: false) }
        return value
    }

    @inline(never)
    func storeSlow(_ value: UInt64, _ va: UInt64, size: UInt64, pc: UInt64) -> Bool {
        if let pa = clintAddress(va, .write, pc: pc) { return clintStore(value, pa, size: size, va: va, pc: pc) }
        if let tohost = tohostAddress, !memory.contains(tohost),
           translatePhysical(va, .write, pc: pc) == tohost {
            guard value != 0 else { return true }
            tohostWritten = value
            return false
        }
        guard let pages = translateSpan(va, size: size, .write, pc: pc) else { return false }
        var hitTohost = false
        for i in 0..<size {
            let pa = byteAddress(va, i, pages)
            memory.store(UInt8(truncatingIfNeeded: value >> (8 * i)), at: pa)
            if pa == tohostAddress { hitTohost = true }
            dropReservation(ifStoreTouches: pa)
        }
        if watchpointsArmed { noteAccess(va, size: size, write: true) }
        guard hitTohost, let tohost = tohostAddress else { return true }
        let word = memory.contains(tohost, length: 8) ? memory.load(UInt64.self, at: tohost) : value
        guard word != 0 else { return true }
        tohostWritten = word
        return false
    }
}

extension Hart {
    /// The `T` at `va` when the read TLB holds its page and `va` is aligned to `T`'s size; nil
    /// otherwise (the caller then takes `loadSlow`).
    @inline(__always)
    func loadIfCached<T: FixedWidthInteger>(_ va: UInt64, _: T.Type) -> T? {
        let entry = tlb.read[TLB.index(va)]
        guard _fastPath(entry.tag == va & (TLB.pageMask | UInt64(MemoryLayout<T>.size - 1))) else { return nil }
        return T(littleEndian: hostAddress(va, entry.addend).load(as: T.self))
    }

    /// Stores `value` at `va` when the write TLB holds its page and `va` is aligned to `T`'s size.
    /// Returns false, having written nothing, otherwise (the caller then takes `storeSlow`).
    @inline(__always)
    func storeIfCached<T: FixedWidthInteger>(_ value: T, _ va: UInt64) -> Bool {
        let entry = tlb.write[TLB.index(va)]
        guard _fastPath(entry.tag == va & (TLB.pageMask | UInt64(MemoryLayout<T>.size - 1))) else { return false }
        hostAddress(va, entry.addend).storeBytes(of: value.littleEndian, as: T.self)
        return true
    }
}
