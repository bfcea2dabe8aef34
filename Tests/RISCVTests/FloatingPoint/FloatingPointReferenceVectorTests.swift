import Testing
@testable import RISCV

/// Replays `floatingPointReferenceVectors`: every result and every flag must match the hardware's.
@Suite struct FloatingPointReferenceVectorTests {
    struct Vector {
        var mnemonic: String
        var operands: [UInt64]
        /// (result, fflags) per rounding mode, or a single entry for rm-independent operations.
        var outcomes: [(UInt64, UInt8)]
    }

    static let vectors: [Vector] = floatingPointReferenceVectors.split(separator: "\n").map { line in
        let fields = line.split(separator: " ")
        let operandCount = fields.count - (fields.count > 6 ? 6 : 2)
        let operands = fields[1...operandCount].map { UInt64($0, radix: 16)! }
        let outcomes = fields[(operandCount + 1)...].map { field in
            let parts = field.split(separator: ":")
            return (UInt64(parts[0], radix: 16)!, UInt8(parts[1], radix: 16)!)
        }
        return Vector(mnemonic: String(fields[0]), operands: operands, outcomes: outcomes)
    }

    @Test func everyVectorMatches() {
        #expect(Self.vectors.count > 250)
        for vector in Self.vectors {
            for (index, expected) in vector.outcomes.enumerated() {
                let rm = RoundingMode(rawValue: UInt8(index))!
                let actual = Self.execute(vector.mnemonic, vector.operands, rm)
                #expect(actual.0 == expected.0 && actual.1 == expected.1,
                        "\(vector.mnemonic) \(vector.operands.map(floatHex)) \(rm): \(floatHex(actual.0)):\(actual.1) expected \(floatHex(expected.0)):\(expected.1)")
            }
        }
    }

    /// Runs one instruction's operation and returns its register result and fflags, as the hart would write them.
    static func execute(_ mnemonic: String, _ operands: [UInt64], _ rm: RoundingMode) -> (UInt64, UInt8) {
        let a = operands[0], b = operands.count > 1 ? operands[1] : 0, c = operands.count > 2 ? operands[2] : 0
        let a32 = UInt32(truncatingIfNeeded: a), b32 = UInt32(truncatingIfNeeded: b), c32 = UInt32(truncatingIfNeeded: c)
        func single(_ r: FPResult<UInt32>) -> (UInt64, UInt8) { (UInt64(r.value), r.flags.rawValue) }
        func double(_ r: FPResult<UInt64>) -> (UInt64, UInt8) { (r.value, r.flags.rawValue) }
        func bool(_ r: FPResult<Bool>) -> (UInt64, UInt8) { (r.value ? 1 : 0, r.flags.rawValue) }
        func word<T: FixedWidthInteger>(_ r: FPResult<T>) -> (UInt64, UInt8) {
            (UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: r.value))), r.flags.rawValue)
        }
        func long<T: FixedWidthInteger>(_ r: FPResult<T>) -> (UInt64, UInt8) { (UInt64(truncatingIfNeeded: r.value), r.flags.rawValue) }
        switch mnemonic {
        case "fadd.s": return single(F32.add(a32, b32, rm))
        case "fsub.s": return single(F32.sub(a32, b32, rm))
        case "fmul.s": return single(F32.mul(a32, b32, rm))
        case "fdiv.s": return single(F32.div(a32, b32, rm))
        case "fsqrt.s": return single(F32.sqrt(a32, rm))
        case "fmin.s": return single(F32.min(a32, b32))
        case "fmax.s": return single(F32.max(a32, b32))
        case "fmadd.s": return single(F32.fusedMultiplyAdd(a32, b32, c32, rm))
        case "fmsub.s": return single(F32.fusedMultiplyAdd(a32, b32, c32, negateAddend: true, rm))
        case "fnmsub.s": return single(F32.fusedMultiplyAdd(a32, b32, c32, negateProduct: true, rm))
        case "fnmadd.s": return single(F32.fusedMultiplyAdd(a32, b32, c32, negateProduct: true, negateAddend: true, rm))
        case "feq.s": return bool(F32.eq(a32, b32))
        case "flt.s": return bool(F32.lt(a32, b32))
        case "fle.s": return bool(F32.le(a32, b32))
        case "fclass.s": return (UInt64(F32.classify(a32)), 0)
        case "fcvt.w.s": return word(F32.toInt32(a32, rm))
        case "fcvt.wu.s": return word(F32.toUInt32(a32, rm))
        case "fcvt.l.s": return long(F32.toInt64(a32, rm))
        case "fcvt.lu.s": return long(F32.toUInt64(a32, rm))
        case "fcvt.d.s": return double(F32.toF64(a32))
        case "fadd.d": return double(F64.add(a, b, rm))
        case "fsub.d": return double(F64.sub(a, b, rm))
        case "fmul.d": return double(F64.mul(a, b, rm))
        case "fdiv.d": return double(F64.div(a, b, rm))
        case "fsqrt.d": return double(F64.sqrt(a, rm))
        case "fmin.d": return double(F64.min(a, b))
        case "fmax.d": return double(F64.max(a, b))
        case "fmadd.d": return double(F64.fusedMultiplyAdd(a, b, c, rm))
        case "fmsub.d": return double(F64.fusedMultiplyAdd(a, b, c, negateAddend: true, rm))
        case "fnmsub.d": return double(F64.fusedMultiplyAdd(a, b, c, negateProduct: true, rm))
        case "fnmadd.d": return double(F64.fusedMultiplyAdd(a, b, c, negateProduct: true, negateAddend: true, rm))
        case "feq.d": return bool(F64.eq(a, b))
        case "flt.d": return bool(F64.lt(a, b))
        case "fle.d": return bool(F64.le(a, b))
        case "fclass.d": return (UInt64(F64.classify(a)), 0)
        case "fcvt.w.d": return word(F64.toInt32(a, rm))
        case "fcvt.wu.d": return word(F64.toUInt32(a, rm))
        case "fcvt.l.d": return long(F64.toInt64(a, rm))
        case "fcvt.lu.d": return long(F64.toUInt64(a, rm))
        case "fcvt.s.d": return single(F64.toF32(a, rm))
        case "fcvt.s.w": return single(F32.fromInt32(Int32(truncatingIfNeeded: a), rm))
        case "fcvt.s.wu": return single(F32.fromUInt32(UInt32(truncatingIfNeeded: a), rm))
        case "fcvt.s.l": return single(F32.fromInt64(Int64(bitPattern: a), rm))
        case "fcvt.s.lu": return single(F32.fromUInt64(a, rm))
        case "fcvt.d.w": return double(F64.fromInt32(Int32(truncatingIfNeeded: a), rm))
        case "fcvt.d.wu": return double(F64.fromUInt32(UInt32(truncatingIfNeeded: a), rm))
        case "fcvt.d.l": return double(F64.fromInt64(Int64(bitPattern: a), rm))
        case "fcvt.d.lu": return double(F64.fromUInt64(a, rm))
        default:
            Issue.record("unknown mnemonic \(mnemonic)")
            return (0, 0)
        }
    }
}
