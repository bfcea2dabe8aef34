/// What the hart implements, as Linux tells user space: AT_HWCAP (`InitialStack`) and
/// `riscv_hwprobe` (`HardwareProbeSyscalls`) both read this one list, so an extension added to the
/// hart is announced by adding it here.
enum HartFeatures {
    /// The single-letter extensions (AT_HWCAP sets bit `letter - 'A'` for each): RV64IMAFDC.
    static let singleLetterExtensions = "IMAFDC"

    /// The extensions `riscv_hwprobe` reports in RISCV_HWPROBE_KEY_IMA_EXT_0, beyond the IMA base.
    /// Add a case (with its `asm/hwprobe.h` bit) when the hart learns it.
    enum ProbedExtension: UInt64, CaseIterable {
        /// RISCV_HWPROBE_IMA_FD: F and D.
        case floatingPoint = 0
        /// RISCV_HWPROBE_IMA_C.
        case compressed = 1
    }

    /// The extensions the hart implements, in RISCV_HWPROBE_KEY_IMA_EXT_0's bits.
    static let implemented: [ProbedExtension] = [.floatingPoint, .compressed]

    /// RISCV_HWPROBE_KEY_IMA_EXT_0's value.
    static var probedExtensionBits: UInt64 { implemented.reduce(0) { $0 | 1 << $1.rawValue } }

    /// RISCV_HWPROBE_KEY_CPUPERF_0 / KEY_MISALIGNED_SCALAR_PERF: misaligned loads and stores work
    /// but take the hart's byte-by-byte slow path (RISCV_HWPROBE_MISALIGNED_SLOW).
    static let misalignedAccessPerformance: UInt64 = 2
}
