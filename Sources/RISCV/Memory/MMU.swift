/// The kind of memory access being translated.
enum AccessType {
    case read, write, execute

    var pageFault: ExceptionCode {
        switch self {
        case .read: return .loadPageFault
        case .write: return .storePageFault
        case .execute: return .instructionPageFault
        }
    }

    var accessFault: ExceptionCode {
        switch self {
        case .read: return .loadAccessFault
        case .write: return .storeAccessFault
        case .execute: return .instructionAccessFault
        }
    }
}

/// Sv39 page-table entry bits.
enum PTE {
    static let valid: UInt64 = 1 << 0
    static let read: UInt64 = 1 << 1
    static let write: UInt64 = 1 << 2
    static let execute: UInt64 = 1 << 3
    static let user: UInt64 = 1 << 4
    static let accessed: UInt64 = 1 << 6
    static let dirty: UInt64 = 1 << 7
    static let ppnMask: UInt64 = (1 << 44) - 1
}

/// The Sv39 MMU: the three-level page-table walk of the privileged spec ("Virtual Address
/// Translation Process"), done in `PhysicalMemory`.
///
/// - Translation applies when satp.MODE = 8 and the effective privilege is S or U. Loads and
///   stores in M-mode with mstatus.MPRV = 1 use MPP's privilege; fetches always use the current one.
/// - Bits 63:39 of the address must equal bit 38, else a page fault.
/// - A PTE outside RAM is an access fault. Invalid PTEs, W without R, reserved bits 63:54 set
///   (no Svnapot/Svpbmt), D/A/U set on a non-leaf PTE, a walk past level 0 and a misaligned
///   superpage are page faults.
/// - U pages are not accessible from S-mode unless SUM = 1 (loads/stores only, never fetches);
///   S pages are never accessible from U-mode. MXR makes X pages readable.
/// - **A/D bits are updated by hardware** (Svadu behaviour): a permitted access sets A, and a
///   permitted store also sets D, by writing the PTE back before the access completes. No page
///   fault is raised for a clear A or D bit.
/// - Faults carry cause 12/13/15 (page) or 1/5/7 (access) and tval = the faulting virtual address.
extension Hart {
    /// The privilege that loads and stores are checked against (MPRV applied).
    var effectiveDataPrivilege: PrivilegeMode {
        if currentPrivilege == .machine && csrs.mstatus & MStatus.mprv != 0 {
            return PrivilegeMode(rawValue: UInt8((csrs.mstatus & MStatus.mpp) >> MStatus.mppShift)) ?? .user
        }
        return currentPrivilege
    }

    /// Translates `va` for `access`. Returns the physical address, or nil with `lastFault` set
    /// (page fault, or access fault for a PTE outside RAM). Does not check that the result is RAM.
    func translatePhysical(_ va: UInt64, _ access: AccessType, pc: UInt64) -> UInt64? {
        let privilege = access == .execute ? currentPrivilege : effectiveDataPrivilege
        if privilege == .machine || csrs.satp >> 60 == 0 { return va }
        func fail(_ code: ExceptionCode) -> UInt64? {
            lastFault = Trap(code, value: va, pc: pc)
            return nil
        }
        let high = Int64(bitPattern: va) >> 38
        guard high == 0 || high == -1 else { return fail(access.pageFault) }

        var tableBase = (csrs.satp & PTE.ppnMask) << 12
        var level = 2
        while true {
            let vpn = (va >> (12 + 9 * UInt64(level))) & 0x1ff
            let pteAddress = tableBase &+ vpn * 8
            guard memory.contains(pteAddress, length: 8) else { return fail(access.accessFault) }
            let pte = memory.load(UInt64.self, at: pteAddress)
            if pte & PTE.valid == 0 || (pte & PTE.read == 0 && pte & PTE.write != 0) || pte >> 54 != 0 {
                return fail(access.pageFault)
            }
            let ppn = (pte >> 10) & PTE.ppnMask
            if pte & (PTE.read | PTE.execute) == 0 {
                if pte & (PTE.dirty | PTE.accessed | PTE.user) != 0 || level == 0 { return fail(access.pageFault) }
                level -= 1
                tableBase = ppn << 12
                continue
            }
            guard leafPermits(pte, access, privilege) else { return fail(access.pageFault) }
            let offsetBits = 12 + 9 * UInt64(level)
            let superpageMask: UInt64 = (1 << (9 * UInt64(level))) - 1
            if ppn & superpageMask != 0 { return fail(access.pageFault) }
            var updated = pte | PTE.accessed
            if access == .write { updated |= PTE.dirty }
            if updated != pte { memory.store(updated, at: pteAddress) }
            return (ppn << 12) | (va & ((1 << offsetBits) - 1))
        }
    }

    /// The R/W/X/U checks of a leaf PTE with SUM and MXR.
    private func leafPermits(_ pte: UInt64, _ access: AccessType, _ privilege: PrivilegeMode) -> Bool {
        let isUserPage = pte & PTE.user != 0
        switch privilege {
        case .user where !isUserPage: return false
        case .supervisor where isUserPage:
            if access == .execute || csrs.mstatus & MStatus.sum == 0 { return false }
        default: break
        }
        switch access {
        case .execute: return pte & PTE.execute != 0
        case .write: return pte & PTE.write != 0
        case .read:
            return pte & PTE.read != 0 || (csrs.mstatus & MStatus.mxr != 0 && pte & PTE.execute != 0)
        }
    }
}
