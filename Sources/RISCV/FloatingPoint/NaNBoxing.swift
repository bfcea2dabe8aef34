/// NaN-boxes a single-precision value for a 64-bit f register: the upper 32 bits all ones.
/// Every write of a binary32 result to an f register goes through this.
public func boxF32(_ value: UInt32) -> UInt64 {
    0xFFFF_FFFF_0000_0000 | UInt64(value)
}

/// Reads a single-precision operand from a 64-bit f register: the low 32 bits when the upper 32 bits
/// are all ones, otherwise (an improperly boxed value) the canonical NaN 0x7fc00000.
public func unboxF32(_ register: UInt64) -> UInt32 {
    register >> 32 == 0xFFFF_FFFF ? UInt32(truncatingIfNeeded: register) : F32.canonicalNaN
}
