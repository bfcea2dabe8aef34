extension SoftFloat {
    /// `(±a * b) ± c` with a single rounding by `rm`: `negateProduct` negates `a * b` and
    /// `negateAddend` negates `c`. RISC-V: fmadd = (false, false), fmsub = (false, true),
    /// fnmsub = (true, false), fnmadd = (true, true).
    ///
    /// NV (canonical NaN) for inf * 0 even when `c` is a quiet NaN, and for inf - inf after the
    /// product. An exact zero result follows the sign rules of addition (-0 only under `.down`
    /// unless both terms are -0).
    static func fusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64,
                                 negateProduct: Bool, negateAddend: Bool,
                                 _ rm: RoundingMode) -> FPResult<UInt64> {
        let invalidProduct = (Format.isInfinite(a) && Format.isZero(b)) || (Format.isZero(a) && Format.isInfinite(b))
        if invalidProduct { return canonicalNaN(invalid: true) }
        if Format.isNaN(a) || Format.isNaN(b) || Format.isNaN(c) { return nanResult(a, b, c) }
        let productNegative = (Format.isSignNegative(a) != Format.isSignNegative(b)) != negateProduct
        let addend = negateAddend ? c ^ Format.signMask : c
        let addendNegative = Format.isSignNegative(addend)
        if Format.isInfinite(a) || Format.isInfinite(b) {
            if Format.isInfinite(addend) && addendNegative != productNegative { return canonicalNaN(invalid: true) }
            return FPResult(value: infinity(negative: productNegative))
        }
        if Format.isInfinite(addend) { return FPResult(value: addend) }
        if Format.isZero(a) || Format.isZero(b) {
            if Format.isZero(addend) {
                let negative = productNegative == addendNegative ? productNegative : rm == .down
                return FPResult(value: zero(negative: negative))
            }
            return FPResult(value: addend)
        }
        let x = unpack(a), y = unpack(b)
        // Exact product P * 2^(exponent - 125) with P in [2^125, 2^126).
        var product = Wide128.product(x.significand, y.significand)
        var productExponent = x.exponent + y.exponent + 1
        if product.high >> 61 == 0 {
            product = product.shiftedLeft(1)
            productExponent -= 1
        }
        if Format.isZero(addend) {
            return roundPack(narrow(product, sign: productNegative, exponent: productExponent), rm)
        }
        let z = unpack(addend)
        let addendWide = Wide128(high: z.significand >> 1, low: z.significand << 63)
        let (large, largeExponent, largeNegative, small, smallExponent) = productExponent >= z.exponent
            ? (product, productExponent, productNegative, addendWide, z.exponent)
            : (addendWide, z.exponent, addendNegative, product, productExponent)
        let aligned = small.shiftedRightJamming(largeExponent - smallExponent)
        let sum: Wide128
        let negative: Bool
        if productNegative == addendNegative {
            sum = large + aligned
            negative = largeNegative
        } else if aligned < large {
            sum = large - aligned
            negative = largeNegative
        } else if large < aligned {
            sum = aligned - large
            negative = !largeNegative
        } else {
            return FPResult(value: zero(negative: rm == .down))
        }
        return roundPack(narrow(sum, sign: negative, exponent: largeExponent), rm)
    }

    /// Converts the nonzero value `wide * 2^(exponent - 125)` to the working form, keeping a sticky bit.
    private static func narrow(_ wide: Wide128, sign: Bool, exponent: Int) -> UnpackedFloat {
        let topBit = 127 - wide.leadingZeroBitCount
        let significand = topBit >= 62
            ? wide.shiftedRightJamming(topBit - 62).low
            : wide.low << UInt64(62 - topBit)
        return UnpackedFloat(sign: sign, exponent: exponent + topBit - 125, significand: significand)
    }
}
