import Testing
@testable import RISCV

/// Cross-checks round-to-nearest-even results against the host's IEEE 754 arithmetic over random and
/// special bit patterns. Values must match exactly, with every NaN counted equal to every other NaN.
@Suite struct FloatingPointCrossCheckTests {
    static let iterations = 4000

    static let special32: [UInt32] = [
        0, 0x8000_0000, 1, 0x8000_0001, 0x007F_FFFF, 0x0080_0000, 0x3F80_0000, 0xBF80_0000,
        0x7F7F_FFFF, 0xFF7F_FFFF, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0x7F80_0001, 0x3F7F_FFFF, 0x3380_0000,
    ]
    static let special64: [UInt64] = [
        0, 0x8000_0000_0000_0000, 1, 0x8000_0000_0000_0001, 0x000F_FFFF_FFFF_FFFF, 0x0010_0000_0000_0000,
        0x3FF0_0000_0000_0000, 0xBFF0_0000_0000_0000, 0x7FEF_FFFF_FFFF_FFFF, 0x7FF0_0000_0000_0000,
        0xFFF0_0000_0000_0000, 0x7FF8_0000_0000_0000, 0x7FF0_0000_0000_0001, 0x3CA0_0000_0000_0000,
    ]

    /// Mostly random patterns, with exponents often clustered so that operands interact
    /// (cancellation, subnormal results), and special values mixed in.
    static func operand32(_ rng: inout XorshiftGenerator) -> UInt32 {
        switch rng.next() % 8 {
        case 0: return special32[Int(rng.next() % UInt64(special32.count))]
        case 1, 2: return UInt32(truncatingIfNeeded: rng.next()) & 0x80FF_FFFF | 0x3F00_0000
        case 3: return UInt32(truncatingIfNeeded: rng.next()) & 0x81FF_FFFF
        default: return UInt32(truncatingIfNeeded: rng.next())
        }
    }

    static func operand64(_ rng: inout XorshiftGenerator) -> UInt64 {
        switch rng.next() % 8 {
        case 0: return special64[Int(rng.next() % UInt64(special64.count))]
        case 1, 2: return rng.next() & 0x801F_FFFF_FFFF_FFFF | 0x3FE0_0000_0000_0000
        case 3: return rng.next() & 0x803F_FFFF_FFFF_FFFF
        default: return rng.next()
        }
    }

    static func same(_ ours: UInt32, _ host: Float) -> Bool {
        host.isNaN ? Float(bitPattern: ours).isNaN && ours == F32.canonicalNaN : ours == host.bitPattern
    }

    static func same(_ ours: UInt64, _ host: Double) -> Bool {
        host.isNaN ? Double(bitPattern: ours).isNaN && ours == F64.canonicalNaN : ours == host.bitPattern
    }

    @Test func binary32MatchesHost() {
        var rng = XorshiftGenerator(state: 0x9E37_79B9_7F4A_7C15)
        var mismatches: [String] = []
        for _ in 0..<Self.iterations {
            let a = Self.operand32(&rng), b = Self.operand32(&rng)
            // Half of the addends nearly cancel the product, to exercise the fused sum's low bits.
            let c = rng.next() % 2 == 0 ? Self.operand32(&rng)
                : (-(Float(bitPattern: a) * Float(bitPattern: b))).bitPattern &+ UInt32(rng.next() % 16) &- 8
            let x = Float(bitPattern: a), y = Float(bitPattern: b), z = Float(bitPattern: c)
            let checks: [(String, UInt32, Float)] = [
                ("add", F32.add(a, b, .nearestEven).value, x + y),
                ("sub", F32.sub(a, b, .nearestEven).value, x - y),
                ("mul", F32.mul(a, b, .nearestEven).value, x * y),
                ("div", F32.div(a, b, .nearestEven).value, x / y),
                ("sqrt", F32.sqrt(a, .nearestEven).value, x.squareRoot()),
                ("fma", F32.fusedMultiplyAdd(a, b, c, .nearestEven).value, z.addingProduct(x, y)),
            ]
            for (name, ours, host) in checks where !Self.same(ours, host) {
                mismatches.append("\(name) \(floatHex(a)) \(floatHex(b)) \(floatHex(c)): \(floatHex(ours)) vs \(floatHex(host.bitPattern))")
            }
            let wide = Self.operand64(&rng)
            let narrowed = F64.toF32(wide, .nearestEven).value
            if !Self.same(narrowed, Float(Double(bitPattern: wide))) {
                mismatches.append("f64->f32 \(floatHex(wide)): \(floatHex(narrowed))")
            }
            let widened = F32.toF64(a).value
            if !Self.same(widened, Double(x)) { mismatches.append("f32->f64 \(floatHex(a)): \(floatHex(widened))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func binary64MatchesHost() {
        var rng = XorshiftGenerator(state: 0xD1B5_4A32_D192_ED03)
        var mismatches: [String] = []
        for _ in 0..<Self.iterations {
            let a = Self.operand64(&rng), b = Self.operand64(&rng)
            let c = rng.next() % 2 == 0 ? Self.operand64(&rng)
                : (-(Double(bitPattern: a) * Double(bitPattern: b))).bitPattern &+ (rng.next() % 16) &- 8
            let x = Double(bitPattern: a), y = Double(bitPattern: b), z = Double(bitPattern: c)
            let checks: [(String, UInt64, Double)] = [
                ("add", F64.add(a, b, .nearestEven).value, x + y),
                ("sub", F64.sub(a, b, .nearestEven).value, x - y),
                ("mul", F64.mul(a, b, .nearestEven).value, x * y),
                ("div", F64.div(a, b, .nearestEven).value, x / y),
                ("sqrt", F64.sqrt(a, .nearestEven).value, x.squareRoot()),
                ("fma", F64.fusedMultiplyAdd(a, b, c, .nearestEven).value, z.addingProduct(x, y)),
            ]
            for (name, ours, host) in checks where !Self.same(ours, host) {
                mismatches.append("\(name) \(floatHex(a)) \(floatHex(b)) \(floatHex(c)): \(floatHex(ours)) vs \(floatHex(host.bitPattern))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func integerConversionsMatchHost() {
        var rng = XorshiftGenerator(state: 0x2545_F491_4F6C_DD1D)
        var mismatches: [String] = []
        for _ in 0..<Self.iterations {
            let bits = rng.next()
            let value = Int64(bitPattern: bits) >> Int64(rng.next() % 64)
            if !Self.same(F64.fromInt64(value, .nearestEven).value, Double(value)) { mismatches.append("d.l \(value)") }
            if !Self.same(F32.fromInt64(value, .nearestEven).value, Float(value)) { mismatches.append("s.l \(value)") }
            let unsigned = bits >> (rng.next() % 64)
            if !Self.same(F64.fromUInt64(unsigned, .nearestEven).value, Double(unsigned)) { mismatches.append("d.lu \(unsigned)") }
            if !Self.same(F32.fromUInt64(unsigned, .nearestEven).value, Float(unsigned)) { mismatches.append("s.lu \(unsigned)") }
            let double = Double(value) * Double(bitPattern: Self.operand64(&rng) & 0x000F_FFFF_FFFF_FFFF | 0x3C90_0000_0000_0000)
            let truncated = F64.toInt64(double.bitPattern, .towardZero)
            if double.magnitude < 0x1p63, truncated.value != Int64(double) { mismatches.append("l.d rtz \(double)") }
            let nearest = F64.toInt64(double.bitPattern, .nearestEven)
            if double.magnitude < 0x1p62, nearest.value != Int64(double.rounded(.toNearestOrEven)) {
                mismatches.append("l.d rne \(double)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
