/// The core-local interruptor of a one-hart machine at the SiFive/Spike/QEMU address
/// (0x0200_0000): `msip` (offset 0x0, bit 0 drives mip.MSIP), `mtimecmp` (0x4000; mip.MTIP is
/// `mtime >= mtimecmp`) and `mtime` (0xBFF8).
///
/// Registers are read and written with naturally aligned accesses of 4 or 8 bytes inside one
/// register (so a 32-bit guest's two halves work too); anything else in the 64 KiB window is an
/// access fault, as on hardware without a device there. `mtime` itself lives in the hart
/// (`Hart.machineTime`), which advances it with retired instructions.
struct CoreLocalInterruptor {
    static let base: UInt64 = 0x0200_0000
    static let size: UInt64 = 0x1_0000
    static let msipOffset: UInt64 = 0x0
    static let mtimecmpOffset: UInt64 = 0x4000
    static let mtimeOffset: UInt64 = 0xBFF8

    /// msip bit 0.
    var softwareInterrupt = false
    /// mtimecmp; all ones at reset, so no timer interrupt is pending until software sets it.
    var timeCompare = UInt64.max

    /// Whether physical address `pa` lies in the CLINT's window.
    static func contains(_ pa: UInt64) -> Bool {
        pa >= base && pa - base < size
    }

    /// The register at `offset` (relative to `base`) an access of `size` bytes reaches, with the
    /// byte position inside it, or nil when no register is there or the access is not aligned.
    static func register(at offset: UInt64, size: UInt64) -> (start: UInt64, shift: UInt64)? {
        guard size == 4 || size == 8, offset % size == 0 else { return nil }
        for (start, width) in [(msipOffset, UInt64(4)), (mtimecmpOffset, 8), (mtimeOffset, 8)]
        where offset >= start && offset + size <= start + width {
            return (start, (offset - start) * 8)
        }
        return nil
    }
}

extension Hart {
    /// The physical address of `va` when the machine has a CLINT and `va` translates into its
    /// window; nil otherwise (then the caller translates as usual, faulting the same way).
    func clintAddress(_ va: UInt64, _ access: AccessType, pc: UInt64) -> UInt64? {
        guard hasCLINT, let pa = translatePhysical(va, access, pc: pc), CoreLocalInterruptor.contains(pa) else { return nil }
        return pa
    }

    /// Reads `size` bytes at physical `pa` in the CLINT. Returns nil with `lastFault` set (load
    /// access fault at `va`) when nothing answers there.
    func clintLoad(_ pa: UInt64, size: UInt64, va: UInt64, pc: UInt64) -> UInt64? {
        guard let (start, shift) = CoreLocalInterruptor.register(at: pa - CoreLocalInterruptor.base, size: size) else {
            lastFault = Trap(.loadAccessFault, value: va, pc: pc)
            return nil
        }
        let whole: UInt64
        switch start {
        case CoreLocalInterruptor.msipOffset: whole = clint.softwareInterrupt ? 1 : 0
        case CoreLocalInterruptor.mtimecmpOffset: whole = clint.timeCompare
        default: whole = machineTime
        }
        let value = whole >> shift
        return size == 8 ? value : value & 0xffff_ffff
    }

    /// Writes the low `size` bytes of `value` at physical `pa` in the CLINT. Returns false with
    /// `lastFault` set (store access fault at `va`) when nothing answers there.
    func clintStore(_ value: UInt64, _ pa: UInt64, size: UInt64, va: UInt64, pc: UInt64) -> Bool {
        guard let (start, shift) = CoreLocalInterruptor.register(at: pa - CoreLocalInterruptor.base, size: size) else {
            lastFault = Trap(.storeAccessFault, value: va, pc: pc)
            return false
        }
        let mask: UInt64 = (size == 8 ? UInt64.max : 0xffff_ffff) << shift
        func merged(_ old: UInt64) -> UInt64 { (old & ~mask) | ((value << shift) & mask) }
        switch start {
        case CoreLocalInterruptor.msipOffset: clint.softwareInterrupt = value & 1 != 0
        case CoreLocalInterruptor.mtimecmpOffset: clint.timeCompare = merged(clint.timeCompare)
        default: setMachineTime(merged(machineTime))
        }
        return true
    }
}
