/// One cached translation: a virtual page and the value that turns its addresses into host addresses.
struct TLBEntry {
    /// The virtual page address (low 12 bits zero), or `TLB.invalidTag`.
    var tag: UInt64
    /// host address = virtual address &+ addend.
    var addend: UInt64
}

/// A direct-mapped translation cache from virtual pages to host pointers, with separate tables
/// for reads, writes and fetches, so that a hit is one masked compare plus one add.
///
/// A lookup compares `va & (pageMask | (size - 1))` with the tag: a misaligned access never hits
/// and goes to the slow path, which handles it (also across pages). Entries exist only for pages in
/// RAM whose translation allowed that kind of access at the privilege and mstatus (SUM, MXR, MPRV)
/// in force when it was filled: the hart flushes the whole TLB on sfence.vma, satp writes,
/// privilege changes and mstatus writes that change MPRV, MPP, SUM or MXR. A write entry is only
/// filled after the PTE's D bit is set, and never for the page holding `tohostAddress`.
struct TLB {
    static let entryCount = 256
    static let indexMask: UInt64 = UInt64(entryCount - 1)
    static let invalidTag = UInt64.max
    static let pageMask: UInt64 = ~0xfff

    let read: UnsafeMutablePointer<TLBEntry>
    let write: UnsafeMutablePointer<TLBEntry>
    let fetch: UnsafeMutablePointer<TLBEntry>

    /// Three empty tables.
    init() {
        read = .allocate(capacity: TLB.entryCount)
        write = .allocate(capacity: TLB.entryCount)
        fetch = .allocate(capacity: TLB.entryCount)
        let empty = TLBEntry(tag: TLB.invalidTag, addend: 0)
        read.initialize(repeating: empty, count: TLB.entryCount)
        write.initialize(repeating: empty, count: TLB.entryCount)
        fetch.initialize(repeating: empty, count: TLB.entryCount)
    }

    func deallocate() {
        read.deallocate()
        write.deallocate()
        fetch.deallocate()
    }

    @inline(__always)
    static func index(_ va: UInt64) -> Int { Int(truncatingIfNeeded: (va >> 12) & indexMask) }

    /// Drops every entry of the three tables.
    func flush() {
        let empty = TLBEntry(tag: TLB.invalidTag, addend: 0)
        read.update(repeating: empty, count: TLB.entryCount)
        write.update(repeating: empty, count: TLB.entryCount)
        fetch.update(repeating: empty, count: TLB.entryCount)
    }

    /// Caches `virtualPage -> hostPage` in `table`.
    @inline(__always)
    func fill(_ table: UnsafeMutablePointer<TLBEntry>, virtualPage: UInt64, hostPage: UnsafeMutableRawPointer) {
        let addend = UInt64(UInt(bitPattern: hostPage)) &- virtualPage
        table[TLB.index(virtualPage)] = TLBEntry(tag: virtualPage, addend: addend)
    }
}

/// Turns a TLB sum back into a pointer without an optional check (the sum is never null).
@inline(__always)
func hostAddress(_ va: UInt64, _ addend: UInt64) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer(bitPattern: UInt(truncatingIfNeeded: va &+ addend)).unsafelyUnwrapped
}
