/// riscv_hwprobe: what the hart implements, so that glibc's ifuncs pick routines it can run.
enum HardwareProbeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(258, "riscv_hwprobe", [.hex, .decimal, .decimal, .hex, .hex], probe),
    ]

    /// The keys of `asm/hwprobe.h` tinyrv answers. (RISCV_HWPROBE_KEY_TIME_CSR_FREQ is not one: the
    /// hart's time CSR counts retired instructions, at no fixed frequency.)
    enum Key: Int64 {
        case vendorID = 0, architectureID = 1, implementationID = 2, baseBehavior = 3, extensions = 4
        case performance = 5, highestVirtualAddress = 7, misalignedScalarPerformance = 9
    }

    /// riscv_hwprobe(pairs, pair_count, cpusetsize, cpus, flags): fills the value of each
    /// `struct riscv_hwprobe { s64 key; u64 value; }`; a key tinyrv does not know becomes -1 with
    /// value 0, as Linux does. `cpus` may be NULL with `cpusetsize` 0 (every CPU); a set that does not
    /// hold CPU 0 is `-EINVAL`, as are flags (RISCV_HWPROBE_WHICH_CPUS is not supported).
    /// `-EFAULT` for bad pointers.
    static func probe(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (pairs, count, setSize, cpus, flags) = (a[0], a[1], a[2], a[3], a[4])
        guard flags == 0 else { return .error(.EINVAL) }
        if setSize != 0 || cpus != 0 {
            guard setSize > 0, cpus != 0 else { return .error(.EINVAL) }
            let firstByte = try process.copyInArgument(from: cpus, count: 1)
            guard firstByte[0] & 1 != 0 else { return .error(.EINVAL) }
        }
        guard count <= UInt64(Int32.max) / 16 else { return .error(.EFAULT) }
        for index in 0..<count {
            let address = pairs &+ index * 16
            let keyBytes = try process.copyInArgument(from: address, count: 8)
            let key = Int64(bitPattern: GuestBytes.word(keyBytes, at: 0))
            let answer = value(for: key)
            try process.copyOutArgument(GuestBytes.words([UInt64(bitPattern: answer.key), answer.value]), to: address)
        }
        return .value(0)
    }

    /// The pair Linux writes back for `key`.
    static func value(for key: Int64) -> (key: Int64, value: UInt64) {
        guard let known = Key(rawValue: key) else { return (-1, 0) }
        switch known {
        case .vendorID, .architectureID, .implementationID: return (key, 0)
        case .baseBehavior: return (key, 1)
        case .extensions: return (key, HartFeatures.probedExtensionBits)
        case .performance, .misalignedScalarPerformance: return (key, HartFeatures.misalignedAccessPerformance)
        case .highestVirtualAddress: return (key, PageTable.userLimit - 1)
        }
    }
}
