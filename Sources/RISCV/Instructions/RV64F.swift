/// RV64F: the single-precision operations (fmt = S) of OP-FP and the fused multiply-adds, plus
/// fcvt.s.d. Encodings are decoded by `RV64FD`; the transfers (flw, fsw, fmv.x.w, fmv.w.x) run in
/// the execute loop.
///
/// Operands are unboxed with `unboxF32` and results boxed with `boxF32`. fcvt.w.s and fcvt.wu.s
/// sign-extend their 32-bit result into the 64-bit x register; fcvt.s.w/fcvt.s.wu read the low
/// 32 bits of rs1. feq/flt/fle and fclass write 0/1 and the class mask to an x register.
extension Hart {
    /// Executes a `.floatingPoint` instruction whose fmt is S. Returns false (nothing written) when
    /// its rounding mode does not resolve.
    func executeSingle(_ d: DecodedInstruction) -> Bool {
        let bits = d.bits, rd = bits.rd
        let f = floatRegisters
        let a = unboxF32(f[Int(bits.rs1)]), b = unboxF32(f[Int(bits.rs2)])
        @inline(__always) func write(_ result: FPResult<UInt32>) {
            writeFloat(rd, boxF32(result.value), result.flags)
        }
        if bits & 0x7f != 0x53 {
            guard let rm = roundingMode(bits) else { return false }
            let c = unboxF32(f[Int(bits.rs3)])
            let negateProduct = (bits >> 3) & 1 != 0, negateAddend = (bits >> 2) & 1 != 0
            write(HostArithmetic.fusedMultiplyAdd(a, b, c, negateProduct: negateProduct, negateAddend: negateAddend, rm)
                  ?? F32.fusedMultiplyAdd(a, b, c, negateProduct: negateProduct, negateAddend: negateAddend, rm))
            return true
        }
        switch bits.funct7 >> 2 {
        case 0x04:
            switch bits.funct3 {
            case 0: writeFloat(rd, boxF32(F32.injectSign(a, b)))
            case 1: writeFloat(rd, boxF32(F32.injectNegatedSign(a, b)))
            default: writeFloat(rd, boxF32(F32.injectXorSign(a, b)))
            }
        case 0x05: write(bits.funct3 == 0 ? F32.min(a, b) : F32.max(a, b))
        case 0x14:
            let result = bits.funct3 == 0 ? F32.le(a, b) : bits.funct3 == 1 ? F32.lt(a, b) : F32.eq(a, b)
            writeInteger(d, result.value ? 1 : 0, result.flags)
        case 0x1c: writeInteger(d, UInt64(F32.classify(a)))
        default:
            guard let rm = roundingMode(bits) else { return false }
            switch bits.funct7 >> 2 {
            case 0x00: write(HostArithmetic.add(a, b, rm) ?? F32.add(a, b, rm))
            case 0x01: write(HostArithmetic.add(a, b ^ 0x8000_0000, rm) ?? F32.sub(a, b, rm))
            case 0x02: write(HostArithmetic.multiply(a, b, rm) ?? F32.mul(a, b, rm))
            case 0x03: write(HostArithmetic.divide(a, b, rm) ?? F32.div(a, b, rm))
            case 0x0b: write(HostArithmetic.squareRoot(a, rm) ?? F32.sqrt(a, rm))
            case 0x08: write(F64.toF32(f[Int(bits.rs1)], rm))
            case 0x18: convertSingleToInteger(d, a, rm)
            default: write(convertIntegerToSingle(registers[Int(bits.rs1)], variant: bits.rs2, rm))
            }
        }
        return true
    }

    /// fcvt.w.s, fcvt.wu.s, fcvt.l.s, fcvt.lu.s (rs2 = 0...3).
    private func convertSingleToInteger(_ d: DecodedInstruction, _ a: UInt32, _ rm: RoundingMode) {
        switch d.bits.rs2 {
        case 0:
            let r = F32.toInt32(a, rm)
            writeInteger(d, UInt64(bitPattern: Int64(r.value)), r.flags)
        case 1:
            let r = F32.toUInt32(a, rm)
            writeInteger(d, signExtend32(r.value), r.flags)
        case 2:
            let r = F32.toInt64(a, rm)
            writeInteger(d, UInt64(bitPattern: r.value), r.flags)
        default:
            let r = F32.toUInt64(a, rm)
            writeInteger(d, r.value, r.flags)
        }
    }

    /// fcvt.s.w, fcvt.s.wu, fcvt.s.l, fcvt.s.lu (variant = rs2 = 0...3) of the x register `value`.
    private func convertIntegerToSingle(_ value: UInt64, variant: UInt32, _ rm: RoundingMode) -> FPResult<UInt32> {
        switch variant {
        case 0: return F32.fromInt32(Int32(truncatingIfNeeded: value), rm)
        case 1: return F32.fromUInt32(UInt32(truncatingIfNeeded: value), rm)
        case 2: return F32.fromInt64(Int64(bitPattern: value), rm)
        default: return F32.fromUInt64(value, rm)
        }
    }
}
