/// RV64D: the double-precision operations (fmt = D) of OP-FP and the fused multiply-adds, plus
/// fcvt.d.s. Encodings are decoded by `RV64FD`; the transfers (fld, fsd, their compressed forms,
/// fmv.x.d, fmv.d.x) run in the execute loop.
///
/// Operands and results are raw 64-bit patterns; fcvt.d.s unboxes its single-precision operand.
/// fcvt.w.d and fcvt.wu.d sign-extend their 32-bit result; fcvt.d.w/fcvt.d.wu read the low 32 bits
/// of rs1 and are exact, but their rm field is still checked (see `RV64FD`).
extension Hart {
    /// Executes a `.floatingPoint` instruction whose fmt is D. Returns false (nothing written) when
    /// its rounding mode does not resolve.
    func executeDouble(_ d: DecodedInstruction) -> Bool {
        let bits = d.bits, rd = bits.rd
        let f = floatRegisters
        let a = f[Int(bits.rs1)], b = f[Int(bits.rs2)]
        @inline(__always) func write(_ result: FPResult<UInt64>) {
            writeFloat(rd, result.value, result.flags)
        }
        if bits & 0x7f != 0x53 {
            guard let rm = roundingMode(bits) else { return false }
            let c = f[Int(bits.rs3)]
            let negateProduct = (bits >> 3) & 1 != 0, negateAddend = (bits >> 2) & 1 != 0
            write(HostArithmetic.fusedMultiplyAdd(a, b, c, negateProduct: negateProduct, negateAddend: negateAddend, rm)
                  ?? F64.fusedMultiplyAdd(a, b, c, negateProduct: negateProduct, negateAddend: negateAddend, rm))
            return true
        }
        switch bits.funct7 >> 2 {
        case 0x04:
            switch bits.funct3 {
            case 0: writeFloat(rd, F64.injectSign(a, b))
            case 1: writeFloat(rd, F64.injectNegatedSign(a, b))
            default: writeFloat(rd, F64.injectXorSign(a, b))
            }
        case 0x05: write(bits.funct3 == 0 ? F64.min(a, b) : F64.max(a, b))
        case 0x14:
            let result = bits.funct3 == 0 ? F64.le(a, b) : bits.funct3 == 1 ? F64.lt(a, b) : F64.eq(a, b)
            writeInteger(d, result.value ? 1 : 0, result.flags)
        case 0x1c: writeInteger(d, UInt64(F64.classify(a)))
        default:
            guard let rm = roundingMode(bits) else { return false }
            switch bits.funct7 >> 2 {
            case 0x00: write(HostArithmetic.add(a, b, rm) ?? F64.add(a, b, rm))
            case 0x01: write(HostArithmetic.add(a, b ^ 0x8000_0000_0000_0000, rm) ?? F64.sub(a, b, rm))
            case 0x02: write(HostArithmetic.multiply(a, b, rm) ?? F64.mul(a, b, rm))
            case 0x03: write(HostArithmetic.divide(a, b, rm) ?? F64.div(a, b, rm))
            case 0x0b: write(HostArithmetic.squareRoot(a, rm) ?? F64.sqrt(a, rm))
            case 0x08: write(F32.toF64(unboxF32(a)))
            case 0x18: convertDoubleToInteger(d, a, rm)
            default: write(convertIntegerToDouble(registers[Int(bits.rs1)], variant: bits.rs2, rm))
            }
        }
        return true
    }

    /// fcvt.w.d, fcvt.wu.d, fcvt.l.d, fcvt.lu.d (rs2 = 0...3).
    private func convertDoubleToInteger(_ d: DecodedInstruction, _ a: UInt64, _ rm: RoundingMode) {
        switch d.bits.rs2 {
        case 0:
            let r = F64.toInt32(a, rm)
            writeInteger(d, UInt64(bitPattern: Int64(r.value)), r.flags)
        case 1:
            let r = F64.toUInt32(a, rm)
            writeInteger(d, signExtend32(r.value), r.flags)
        case 2:
            let r = F64.toInt64(a, rm)
            writeInteger(d, UInt64(bitPattern: r.value), r.flags)
        default:
            let r = F64.toUInt64(a, rm)
            writeInteger(d, r.value, r.flags)
        }
    }

    /// fcvt.d.w, fcvt.d.wu, fcvt.d.l, fcvt.d.lu (variant = rs2 = 0...3) of the x register `value`.
    private func convertIntegerToDouble(_ value: UInt64, variant: UInt32, _ rm: RoundingMode) -> FPResult<UInt64> {
        switch variant {
        case 0: return F64.fromInt32(Int32(truncatingIfNeeded: value), rm)
        case 1: return F64.fromUInt32(UInt32(truncatingIfNeeded: value), rm)
        case 2: return F64.fromInt64(Int64(bitPattern: value), rm)
        default: return F64.fromUInt64(value, rm)
        }
    }
}
