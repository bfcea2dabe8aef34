/// User memory as a debugger sees it: through the process's page table, ignoring region
/// permissions (as ptrace does), and without taking page faults.
///
/// A read of a page that belongs to a region but was never touched reads zeros and maps nothing,
/// so debugging changes neither residency nor page-fault counts. A write to such a page maps it
/// (the debugger asked for the change) without counting a fault. Either stops at the first byte
/// outside every region.
extension Process {
    /// Up to `count` bytes at `address`: the bytes before the first one outside every region.
    public func debugRead(_ address: UInt64, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var cursor = address
        while bytes.count < count, addressSpace.region(containing: cursor) != nil {
            let length = min(count - bytes.count, Int(PageTable.pageSize - cursor % PageTable.pageSize))
            if let physical = addressSpace.pageTable.translate(cursor) {
                bytes += addressSpace.frames.memory.read(at: physical, length: length)
            } else {
                bytes += repeatElement(0, count: length)
            }
            let (next, overflow) = cursor.addingReportingOverflow(UInt64(length))
            if overflow { break }
            cursor = next
        }
        return bytes
    }

    /// Writes `bytes` at `address`, mapping untouched pages of their regions, and drops the
    /// predecoded code of each page written. As ptrace does, a write to a private page gives it a
    /// frame of its own (a patch of a library's text must not reach other mappings of the
    /// file, nor a process forked before); a write to a MAP_SHARED page writes the shared frame. Returns false, having written nothing, when a byte
    /// lies outside every region; false after a partial write only when guest RAM ran out.
    public func debugWrite(_ bytes: [UInt8], at address: UInt64) -> Bool {
        guard bytes.count > 0 else { return true }
        let (_, overflow) = address.addingReportingOverflow(UInt64(bytes.count - 1))
        guard !overflow else { return false }
        var cursor = address
        while cursor - address < UInt64(bytes.count) {
            guard let (_, region) = addressSpace.region(containing: cursor) else { return false }
            cursor = region.pageEnd
        }
        var offset = 0
        while offset < bytes.count {
            let va = address + UInt64(offset)
            guard let (_, region) = addressSpace.region(containing: va),
                  addressSpace.pageTable.translate(va) != nil || mapForDebugger(va, region: region),
                  region.sharesPages || addressSpace.ownPage(at: va, permissions: region.permissions) != nil,
                  let physical = addressSpace.pageTable.translate(va) else { return false }
            let length = min(bytes.count - offset, Int(PageTable.pageSize - va % PageTable.pageSize))
            addressSpace.frames.memory.write(bytes[offset..<offset + length], at: physical)
            hart.invalidateDecodedCode(physicalPage: physical)
            offset += length
        }
        return true
    }

    /// Maps the untouched page holding `address` of `region` as a load's first fault would
    /// (zeros, a file page or a shared one), without counting it; false when the region is not
    /// readable (PROT_NONE: nothing is mapped) or when that fault would kill.
    private func mapForDebugger(_ address: UInt64, region: MemRegion) -> Bool {
        guard region.permissions.contains(.read) else { return false }
        if case .kill = pageFaultHandler.handle(address: address, access: .load, pc: hart.pc) { return false }
        return true
    }
}
