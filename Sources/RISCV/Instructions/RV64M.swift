/// RV64M, integer multiply and divide: encodings (OP/OP-32 with funct7 = 1) and behaviour.
///
/// Division never traps: x / 0 gives all ones (DIV, DIVU) and REM gives the dividend;
/// the signed overflow `Int.min / -1` gives `Int.min` with remainder 0. The W forms work on the
/// low 32 bits and sign-extend the 32-bit result.
enum RV64M {
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        let op: Opcode?
        if bits & 0x7f == 0x33 {
            op = [Opcode.mul, .mulh, .mulhsu, .mulhu, .div, .divu, .rem, .remu][Int(bits.funct3)]
        } else {
            op = [Opcode.mulw, nil, nil, nil, .divw, .divuw, .remw, .remuw][Int(bits.funct3)]
        }
        guard let op else { return .illegal(bits) }
        return DecodedInstruction(op: op, rd: bits.rd, rs1: bits.rs1, rs2: bits.rs2, bits: bits, imm: 0)
    }

    @inline(__always) static func mulh(_ a: UInt64, _ b: UInt64) -> UInt64 {
        UInt64(bitPattern: Int64(bitPattern: a).multipliedFullWidth(by: Int64(bitPattern: b)).high)
    }
    @inline(__always) static func mulhu(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a.multipliedFullWidth(by: b).high
    }
    /// Signed a times unsigned b, high 64 bits: the unsigned product corrected by b when a < 0.
    @inline(__always) static func mulhsu(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let high = a.multipliedFullWidth(by: b).high
        return Int64(bitPattern: a) < 0 ? high &- b : high
    }
    @inline(__always) static func div(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sa = Int64(bitPattern: a), sb = Int64(bitPattern: b)
        if sb == 0 { return UInt64.max }
        if sa == Int64.min && sb == -1 { return a }
        return UInt64(bitPattern: sa / sb)
    }
    @inline(__always) static func divu(_ a: UInt64, _ b: UInt64) -> UInt64 {
        b == 0 ? UInt64.max : a / b
    }
    @inline(__always) static func rem(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sa = Int64(bitPattern: a), sb = Int64(bitPattern: b)
        if sb == 0 { return a }
        if sa == Int64.min && sb == -1 { return 0 }
        return UInt64(bitPattern: sa % sb)
    }
    @inline(__always) static func remu(_ a: UInt64, _ b: UInt64) -> UInt64 {
        b == 0 ? a : a % b
    }
    @inline(__always) static func divw(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sa = Int32(truncatingIfNeeded: a), sb = Int32(truncatingIfNeeded: b)
        if sb == 0 { return UInt64.max }
        if sa == Int32.min && sb == -1 { return signExtend32(UInt32(bitPattern: sa)) }
        return signExtend32(UInt32(bitPattern: sa / sb))
    }
    @inline(__always) static func divuw(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let ua = UInt32(truncatingIfNeeded: a), ub = UInt32(truncatingIfNeeded: b)
        if ub == 0 { return UInt64.max }
        return signExtend32(ua / ub)
    }
    @inline(__always) static func remw(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sa = Int32(truncatingIfNeeded: a), sb = Int32(truncatingIfNeeded: b)
        if sb == 0 { return signExtend32(UInt32(bitPattern: sa)) }
        if sa == Int32.min && sb == -1 { return 0 }
        return signExtend32(UInt32(bitPattern: sa % sb))
    }
    @inline(__always) static func remuw(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let ua = UInt32(truncatingIfNeeded: a), ub = UInt32(truncatingIfNeeded: b)
        if ub == 0 { return signExtend32(ua) }
        return signExtend32(ua % ub)
    }
}

/// Sign-extends a 32-bit value to 64 bits (the result rule of every RV64 W instruction).
@inline(__always) func signExtend32(_ v: UInt32) -> UInt64 {
    UInt64(bitPattern: Int64(Int32(bitPattern: v)))
}

/// Sign-extends the low 32 bits of a 64-bit value.
@inline(__always) func signExtend32(_ v: UInt64) -> UInt64 {
    UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
}
