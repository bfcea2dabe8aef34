@testable import RISCV

/// Bit patterns of host literals, so expectations read as numbers.
func s(_ value: Float) -> UInt32 { value.bitPattern }
func d(_ value: Double) -> UInt64 { value.bitPattern }

/// Signalling and non-canonical quiet NaNs of each format.
let signalingNaN32: UInt32 = 0x7F80_0001
let quietNaN32WithPayload: UInt32 = 0xFFC0_1234
let signalingNaN64: UInt64 = 0x7FF0_0000_0000_0001
let quietNaN64WithPayload: UInt64 = 0xFFF8_0000_0000_1234

let minSubnormal32: UInt32 = 1
let maxSubnormal32: UInt32 = 0x007F_FFFF
let minNormal32: UInt32 = 0x0080_0000
let maxFinite32: UInt32 = 0x7F7F_FFFF
let infinity32: UInt32 = 0x7F80_0000
let negativeZero32: UInt32 = 0x8000_0000

let minSubnormal64: UInt64 = 1
let minNormal64: UInt64 = 0x0010_0000_0000_0000
let maxFinite64: UInt64 = 0x7FEF_FFFF_FFFF_FFFF
let infinity64: UInt64 = 0x7FF0_0000_0000_0000
let negativeZero64: UInt64 = 0x8000_0000_0000_0000

let sign32: UInt32 = 0x8000_0000
let sign64: UInt64 = 0x8000_0000_0000_0000

/// Shorthand for an expected result.
func fpResult<T>(_ value: T, _ flags: FloatFlags = []) -> FPResult<T> { FPResult(value: value, flags: flags) }

/// Hex text of a bit pattern, for failure messages.
func floatHex<T: BinaryInteger>(_ value: T) -> String { "0x" + String(value, radix: 16) }
