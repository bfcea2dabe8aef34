/// RV64A, atomics: encodings and behaviour of LR/SC and every AMO in .w and .d.
///
/// - LR takes a reservation on its physical address; SC succeeds (rd = 0) only with a matching
///   reservation, and every SC, and every trap or xRET, drops the reservation. So does any store
///   or AMO of this hart to the reserved doubleword: while a reservation is pending, the write TLB
///   holds no entry for its page, so such stores take the slow path, which checks it.
/// - A misaligned LR raises load address misaligned (4); a misaligned SC or AMO raises store/AMO
///   address misaligned (6). SC and AMOs translate as stores (page fault 15, access fault 7).
/// - Atomics write memory directly: an AMO or SC to `tohostAddress` does not stop `run`.
/// - .w forms operate on 32 bits and sign-extend the loaded value into rd.
enum RV64A {
    enum Operation: UInt32 {
        case add = 0b00000, swap = 0b00001, loadReserved = 0b00010, storeConditional = 0b00011
        case xor = 0b00100, or = 0b01000, and = 0b01100
        case min = 0b10000, max = 0b10100, minu = 0b11000, maxu = 0b11100
    }

    static func decode(_ bits: UInt32) -> DecodedInstruction {
        guard bits.funct3 == 2 || bits.funct3 == 3, let operation = Operation(rawValue: bits >> 27) else {
            return .illegal(bits)
        }
        if operation == .loadReserved && bits.rs2 != 0 { return .illegal(bits) }
        return DecodedInstruction(op: .atomic, rd: bits.rd, rs1: bits.rs1, rs2: bits.rs2, bits: bits, imm: 0)
    }

    /// The value an AMO stores, given the old memory value and rs2 (both already at the access width,
    /// sign-extended for .w so that signed comparisons work).
    static func combine(_ operation: Operation, old: UInt64, operand: UInt64) -> UInt64 {
        switch operation {
        case .add: return old &+ operand
        case .swap, .loadReserved, .storeConditional: return operand
        case .xor: return old ^ operand
        case .or: return old | operand
        case .and: return old & operand
        case .min: return Int64(bitPattern: old) < Int64(bitPattern: operand) ? old : operand
        case .max: return Int64(bitPattern: old) > Int64(bitPattern: operand) ? old : operand
        case .minu: return old < operand ? old : operand
        case .maxu: return old > operand ? old : operand
        }
    }
}

extension Hart {
    /// Executes an A-extension instruction. Returns false with `lastFault` set when it traps.
    /// While watchpoints are set, only the cold path (`cold`) executes atomics, so that the
    /// watched access can stop `run`; the straight line gets false and nothing changes.
    @inline(never)
    func executeAtomic(_ d: DecodedInstruction, pc: UInt64, cold: Bool = false) -> Bool {
        if watchpointsArmed && !cold { return false }
        let operation = RV64A.Operation(rawValue: d.bits >> 27)!
        let isDouble = d.bits.funct3 == 3
        let size: UInt64 = isDouble ? 8 : 4
        let address = registers[Int(d.rs1)]
        if address & (size - 1) != 0 {
            let code: ExceptionCode = operation == .loadReserved ? .loadAddressMisaligned : .storeAddressMisaligned
            lastFault = Trap(code, value: address, pc: pc)
            return false
        }
        let access: AccessType = operation == .loadReserved ? .read : .write
        let host: UnsafeMutableRawPointer
        let entry = (access == .read ? tlb.read : tlb.write)[TLB.index(address)]
        if entry.tag == address & TLB.pageMask {
            host = hostAddress(address, entry.addend)
        } else {
            guard let paddr = translateAndCache(address, access, pc: pc) else { return false }
            host = memory.hostPointer(paddr)
        }
        let paddr = memory.base &+ UInt64(host - memory.hostBase)
        func loadOld() -> UInt64 {
            isDouble ? UInt64(littleEndian: host.load(as: UInt64.self))
                     : signExtend32(UInt32(littleEndian: host.load(as: UInt32.self)))
        }
        func store(_ value: UInt64) {
            if isDouble { host.storeBytes(of: value.littleEndian, as: UInt64.self) }
            else { host.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, as: UInt32.self) }
        }
        if watchpointsArmed {
            noteAccess(address, size: size, write: false)
            if operation != .loadReserved && (operation != .storeConditional || reservation == paddr) {
                noteAccess(address, size: size, write: true)
            }
        }
        switch operation {
        case .loadReserved:
            registers[Int(d.rd)] = loadOld()
            reservation = paddr
            tlb.write[TLB.index(address)] = TLBEntry(tag: TLB.invalidTag, addend: 0)
        case .storeConditional:
            let success = reservation == paddr
            reservation = nil
            if success { store(registers[Int(d.rs2)]) }
            registers[Int(d.rd)] = success ? 0 : 1
        default:
            let old = loadOld()
            dropReservation(ifStoreTouches: paddr)
            let operand = isDouble ? registers[Int(d.rs2)] : signExtend32(registers[Int(d.rs2)])
            store(RV64A.combine(operation, old: old, operand: operand))
            registers[Int(d.rd)] = old
        }
        return true
    }
}
