/// The place where F and D instructions join the decoder.
///
/// Today every floating-point encoding is illegal (misa does not report F or D), but the state
/// is already reserved: `Hart.floatRegisters` (32 x 64 bits), fflags/frm/fcsr and mstatus.FS.
/// To wire the SoftFloat functions of `Sources/RISCV/FloatingPoint/`, add opcodes to `Opcode`,
/// decode them here, execute them in a `Hart+FloatingPoint` extension (checking mstatus.FS != Off
/// and marking FS Dirty on every write of an f register or fflags), and set the F and D bits in
/// `ControlStatusRegisters.misaValue`.
enum FloatingPointDecoding {
    /// LOAD-FP (0x07), STORE-FP (0x27), FMADD/FMSUB/FNMSUB/FNMADD (0x43/0x47/0x4b/0x4f), OP-FP (0x53).
    static func decode(_ bits: UInt32) -> DecodedInstruction {
        .illegal(bits)
    }

    /// C.FLD, C.FSD (quadrant 0, funct3 1/5) and C.FLDSP, C.FSDSP (quadrant 2, funct3 1/5).
    static func decodeCompressed(_ parcel: UInt16) -> DecodedInstruction {
        .illegal(UInt32(parcel))
    }
}
