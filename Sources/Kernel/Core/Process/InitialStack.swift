/// Auxiliary-vector keys of the initial stack (Linux `AT_*`).
public enum AuxiliaryVectorKey: UInt64, Sendable {
    case null = 0, phdr = 3, phent = 4, phnum = 5, pagesz = 6, base = 7, flags = 8, entry = 9
    case uid = 11, euid = 12, gid = 13, egid = 14, hwcap = 16, clktck = 17, secure = 23
    case random = 25, execfn = 31, minimumSignalStackSize = 51
}

/// The Linux-style initial stack of a process (part of the seed's `stack_setup`).
///
/// From `stackPointer` upward:
/// ```
///   sp ->  argc
///          argv[0..argc-1], NULL
///          envp[0..], NULL
///          auxv pairs (key, value) ..., (AT_NULL, 0)
///          padding
///          16 random bytes (AT_RANDOM)
///          argv strings, envp strings, execfn string   <- top
/// ```
/// `stackPointer` is 16-byte aligned.
struct InitialStack {
    /// The stack's contents from `stackPointer` up to the top.
    let bytes: [UInt8]
    let stackPointer: UInt64
    /// The auxv pairs as laid out, AT_NULL last (what /proc/self/auxv reads).
    let auxiliaryVector: [(key: UInt64, value: UInt64)]

    /// Values of the auxv other than the pointers into the stack itself.
    struct ProgramFacts {
        var programHeaderAddress: UInt64
        var programHeaderEntrySize: UInt64
        var programHeaderCount: UInt64
        var entry: UInt64
        /// AT_BASE: where the interpreter is loaded, 0 without one.
        var interpreterBase: UInt64 = 0
        var userID: UInt64 = 0, effectiveUserID: UInt64 = 0, groupID: UInt64 = 0, effectiveGroupID: UInt64 = 0
    }

    /// AT_HWCAP: one bit per single-letter extension the hart implements, bit = letter - 'A'
    /// (`HartFeatures`).
    static let hardwareCapabilities: UInt64 = HartFeatures.singleLetterExtensions.utf8.reduce(0) {
        $0 | 1 << UInt64($1 - UInt8(ascii: "A"))
    }
    /// AT_MINSIGSTKSZ: Linux's riscv64 `get_rt_frame_size` without the vector extension, the size of
    /// `struct rt_sigframe` (siginfo 128 + ucontext 960) rounded to 16.
    static let minimumSignalStackSize: UInt64 = 1088

    /// Lays out the stack that ends at `top` (exclusive).
    init(top: UInt64, arguments: [String], environment: [String], executableName: String,
         randomBytes: [UInt8], facts: ProgramFacts) {
        precondition(randomBytes.count == 16, "AT_RANDOM needs 16 bytes")
        precondition(top % 16 == 0, "stack top must be 16-byte aligned")
        // Strings, placed downward from the top: execfn highest, then envp, then argv.
        var strings: [UInt8] = []
        var cursor = top
        func place(_ bytes: [UInt8]) -> UInt64 {
            cursor -= UInt64(bytes.count)
            strings.insert(contentsOf: bytes, at: 0)
            return cursor
        }
        let execfnAddress = place(Array(executableName.utf8) + [0])
        let environmentAddresses = environment.reversed().map { place(Array($0.utf8) + [0]) }.reversed()
        let argumentAddresses = arguments.reversed().map { place(Array($0.utf8) + [0]) }.reversed()
        let padding = Int(cursor % 16)
        cursor -= UInt64(padding)
        strings.insert(contentsOf: [UInt8](repeating: 0, count: padding), at: 0)
        let randomAddress = place(randomBytes)

        let auxv: [(AuxiliaryVectorKey, UInt64)] = [
            (.phdr, facts.programHeaderAddress), (.phent, facts.programHeaderEntrySize),
            (.phnum, facts.programHeaderCount), (.pagesz, PageTable.pageSize), (.base, facts.interpreterBase), (.flags, 0),
            (.entry, facts.entry), (.uid, facts.userID), (.euid, facts.effectiveUserID),
            (.gid, facts.groupID), (.egid, facts.effectiveGroupID), (.hwcap, InitialStack.hardwareCapabilities),
            (.clktck, 100), (.secure, 0), (.random, randomAddress), (.execfn, execfnAddress),
            (.minimumSignalStackSize, InitialStack.minimumSignalStackSize), (.null, 0),
        ]
        var words: [UInt64] = [UInt64(arguments.count)]
        words += argumentAddresses + [0]
        words += environmentAddresses + [0]
        for (key, value) in auxv { words += [key.rawValue, value] }

        let vectorSize = UInt64(words.count * 8)
        let stackPointer = (cursor - vectorSize) & ~15
        var bytes = [UInt8](repeating: 0, count: Int(top - stackPointer))
        for (i, word) in words.enumerated() {
            for b in 0..<8 { bytes[i * 8 + b] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(b))) }
        }
        let stringsOffset = Int(cursor - stackPointer)
        bytes.replaceSubrange(stringsOffset..<bytes.count, with: strings)
        self.bytes = bytes
        self.stackPointer = stackPointer
        self.auxiliaryVector = auxv.map { ($0.0.rawValue, $0.1) }
    }
}
