/// Decodes raw instruction bits into `DecodedInstruction`s.
///
/// A 32-bit instruction is routed by its major opcode (bits 6:0) to the decoder of the extension
/// that owns it (Zba/Zbb/Zbs/Zbc/Zicond take the OP and OP-IMM encodings RV64I leaves reserved); a 16-bit parcel goes to `CompressedDecoder`. Anything no extension accepts is
/// `.illegal` with the raw bits kept for tval.
enum Decoder {
    /// Decodes one instruction. `bits` is the full 32-bit word, or a compressed parcel in the low
    /// 16 bits (with bits 1:0 != 3).
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        if bits & 3 != 3 { return CompressedDecoder.decode(UInt16(truncatingIfNeeded: bits)) }
        switch bits & 0x7f {
        case 0x37, 0x17, 0x6f, 0x67, 0x63, 0x03, 0x23, 0x13, 0x33, 0x1b, 0x3b:
            if bits & 0x7f == 0x33 || bits & 0x7f == 0x3b, bits >> 25 == 1 {
                return RV64M.decode(bits)
            }
            let base = RV64I.decode(bits)
            return base.op == .illegal ? BitManipulation.decode(bits) : base
        case 0x0f:
            return Fences.decode(bits)
        case 0x73:
            return (bits >> 12) & 7 == 0 ? Privileged.decode(bits) : Zicsr.decode(bits)
        case 0x2f:
            return RV64A.decode(bits)
        case 0x07, 0x27, 0x43, 0x47, 0x4b, 0x4f, 0x53:
            return RV64FD.decode(bits)
        default:
            return .illegal(bits)
        }
    }
}

/// Field extraction for the 32-bit formats of the unprivileged spec (chapter "RV32I Base").
extension UInt32 {
    @inline(__always) var rd: UInt32 { (self >> 7) & 0x1f }
    @inline(__always) var rs1: UInt32 { (self >> 15) & 0x1f }
    @inline(__always) var rs2: UInt32 { (self >> 20) & 0x1f }
    @inline(__always) var funct3: UInt32 { (self >> 12) & 7 }
    @inline(__always) var funct7: UInt32 { self >> 25 }

    /// I-type immediate: inst[31:20], sign-extended.
    var immI: UInt64 { UInt64(bitPattern: Int64(Int32(bitPattern: self) >> 20)) }
    /// S-type immediate: inst[31:25] | inst[11:7], sign-extended.
    var immS: UInt64 {
        let v = (Int32(bitPattern: self & 0xfe00_0000) >> 20) | Int32((self >> 7) & 0x1f)
        return UInt64(bitPattern: Int64(v))
    }
    /// B-type immediate: imm[12|10:5] at 31:25, imm[4:1|11] at 11:7, sign-extended.
    var immB: UInt64 {
        let v = (Int32(bitPattern: self & 0x8000_0000) >> 19)
            | Int32((self & 0x80) << 4)
            | Int32((self >> 20) & 0x7e0)
            | Int32((self >> 7) & 0x1e)
        return UInt64(bitPattern: Int64(v))
    }
    /// U-type immediate: inst[31:12] << 12, sign-extended to 64 bits.
    var immU: UInt64 { UInt64(bitPattern: Int64(Int32(bitPattern: self & 0xffff_f000))) }
    /// J-type immediate: imm[20|10:1|11|19:12], sign-extended.
    var immJ: UInt64 {
        let v = (Int32(bitPattern: self & 0x8000_0000) >> 11)
            | Int32(self & 0xff000)
            | Int32((self >> 9) & 0x800)
            | Int32((self >> 20) & 0x7fe)
        return UInt64(bitPattern: Int64(v))
    }
}
