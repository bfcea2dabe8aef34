/// Instruction fetch from predecoded code.
///
/// The loop keeps one current code page (`fetchPageVA`, its slots and host pointer): a pc on that
/// page needs no translation. Leaving the page refills it through the fetch TLB, or a page walk.
/// A slot is decoded on first execution, together with the rest of its block, whose instructions
/// it links by their `blockLength` and, for jal and branches, `targetOnPage`; a compressed
/// instruction is stored under its one-parcel form. A 32-bit instruction at offset 0xffe
/// straddles two pages: its slot stays `.pageStraddle` and it is fetched (both pages translated)
/// and decoded each time.
extension Hart {
    /// Makes `pc`'s page the current code page. Returns false with `lastFault` set on a fetch fault.
    @inline(never)
    func refillFetchPage(_ pc: UInt64) -> Bool {
        let page = pc & TLB.pageMask
        let entry = tlb.fetch[TLB.index(pc)]
        let host: UnsafeMutableRawPointer
        if entry.tag == page {
            host = hostAddress(page, entry.addend)
        } else {
            guard let pa = translateAndCache(pc, .execute, pc: pc) else { return false }
            host = memory.hostPointer(pa & TLB.pageMask)
        }
        fetchSlots = codeCache.slots(pageIndex: (host - memory.hostBase) / Int(PhysicalMemory.pageSize))
        fetchHost = host
        fetchPageVA = page
        return true
    }

    /// Decodes the instruction at `pc` (on the current code page, which the loop has just made
    /// current, so `fetchSlots` is a real page) whose slot is undecoded or a page straddler, and
    /// returns the slot to execute: its own slot, now decoded with the rest of its block, or for a
    /// straddler (whose slot stays `.pageStraddle`) the code cache's `straddlerSlot`. Returns nil
    /// with `lastFault` set when the second page of a straddler cannot be fetched.
    @inline(never)
    func resolveSlot(_ pc: UInt64) -> UnsafeMutablePointer<DecodedInstruction>? {
        let offset = Int(pc & 0xfff)
        if let decoded = decodeWithinPage(offset) {
            fetchSlots[offset >> 1] = decoded
            linkBlock(from: offset)
            return fetchSlots + (offset >> 1)
        }
        let low = UInt32(UInt16(littleEndian: fetchHost.load(fromByteOffset: offset, as: UInt16.self)))
        let nextPage = (pc & TLB.pageMask) &+ PhysicalMemory.pageSize
        guard let pa = translatePhysical(nextPage, .execute, pc: pc) else { return nil }
        guard memory.contains(pa, length: 2) else {
            lastFault = Trap(.instructionAccessFault, value: nextPage, pc: pc)
            return nil
        }
        fetchSlots[offset >> 1] = DecodedInstruction(op: .pageStraddle, rd: 0, rs1: 0, rs2: 0, bits: 0, imm: 0)
        codeCache.straddlerSlot.pointee = Decoder.decode(low | UInt32(memory.load(UInt16.self, at: pa)) << 16)
        return codeCache.straddlerSlot
    }

    /// The instruction at byte `offset` of the current code page, or nil when it straddles the
    /// page's end (a 32-bit instruction at 0xffe).
    private func decodeWithinPage(_ offset: Int) -> DecodedInstruction? {
        let low = UInt32(UInt16(littleEndian: fetchHost.load(fromByteOffset: offset, as: UInt16.self)))
        let pageSize = Int(PhysicalMemory.pageSize)
        guard low & 3 != 3 || offset <= pageSize - 4 else { return nil }
        var decoded = Decoder.decode(low & 3 != 3 ? low
            : UInt32(littleEndian: fetchHost.loadUnaligned(fromByteOffset: offset, as: UInt32.self))).cachedForm
        if decoded.op.jumpsRelative {
            decoded.targetOnPage = (0..<pageSize).contains(offset + Int(decoded.immediate))
        }
        return decoded
    }

    /// Decodes the instructions that follow the decoded one at `start` up to the end of its block
    /// and sets the `blockLength` of each instruction from `start` on. The block ends at a jump, a
    /// branch or an instruction that always takes the cold path (`Opcode.endsBlock`), at the
    /// page's end, before a straddler, or where it runs into an instruction already decoded (whose
    /// `blockLength` it adds).
    private func linkBlock(from start: Int) {
        let pageSize = Int(PhysicalMemory.pageSize)
        var count = 0
        var tail = 0
        var offset = start
        while true {
            let slot = fetchSlots + (offset >> 1)
            count += 1
            offset += Int(slot.pointee.byteLength)
            if slot.pointee.op.endsBlock || offset >= pageSize { break }
            let next = fetchSlots + (offset >> 1)
            if next.pointee.op.rawValue >= Opcode.firstExecutable.rawValue {
                tail = Int(next.pointee.blockLength)
                break
            }
            guard next.pointee.op == .undecoded, let decoded = decodeWithinPage(offset) else { break }
            next.pointee = decoded
        }
        offset = start
        for remaining in stride(from: count + tail, to: tail, by: -1) {
            let slot = fetchSlots + (offset >> 1)
            slot.pointee.blockLength = UInt16(remaining)
            offset += Int(slot.pointee.byteLength)
        }
    }
}
