import RISCV

/// Linux riscv64's `struct rt_sigframe`, which a handler finds on its stack: a 128-byte
/// `siginfo_t`, then a `ucontext_t` (960 bytes) whose `uc_mcontext` holds the interrupted pc,
/// x1...x31, f0...f31 and fcsr (arch/riscv/kernel/signal.c; offsets as glibc's <sys/ucontext.h>).
///
/// ```
///   0  siginfo (128)
/// 128  uc_flags, uc_link, uc_stack (ss_sp, ss_flags, ss_size), uc_sigmask (8 + 120 unused)
/// 304  uc_mcontext: pc, x1 ... x31 (32 words); f0 ... f31 (32 words); fcsr (u32); padding
/// ```
enum SignalFrame {
    static let size: UInt64 = 1088
    static let contextOffset: UInt64 = 128
    static let stackOffset = 16, maskOffset = 40, machineOffset = 176
    static let floatOffset = machineOffset + 256, fcsrOffset = machineOffset + 512
    static let contextSize = 960
    /// `li a7, 139; ecall`: the return path of every handler, as Linux's vDSO `__vdso_rt_sigreturn`.
    static let trampolineCode: [UInt8] = GuestBytes.words(0x0000_0073_08B0_0893)

    /// The ucontext of `hart`'s current state with `mask` as the mask to restore and the
    /// alternate stack as `stack` reports it.
    static func context(of hart: Hart, mask: UInt64, stack: [UInt8]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: contextSize)
        bytes.replaceSubrange(stackOffset..<stackOffset + 24, with: stack)
        bytes.replaceSubrange(maskOffset..<maskOffset + 8, with: GuestBytes.words(mask))
        var registers = [hart.pc]
        for i in 1..<32 { registers.append(hart.register(i)) }
        bytes.replaceSubrange(machineOffset..<machineOffset + 256, with: GuestBytes.words(registers))
        bytes.replaceSubrange(floatOffset..<floatOffset + 256, with: GuestBytes.words((0..<32).map { hart.floatRegister($0) }))
        let fcsr = GuestBytes.words(hart.readCSR(CSRAddress.fcsr))
        bytes.replaceSubrange(fcsrOffset..<fcsrOffset + 4, with: fcsr[0..<4])
        return bytes
    }

    /// Loads the registers, fcsr and pc saved in `context` (960 bytes) into the hart and returns
    /// the mask it saved.
    static func restore(_ context: [UInt8], into hart: Hart) -> UInt64 {
        hart.pc = GuestBytes.word(context, at: machineOffset)
        for i in 1..<32 { hart.setRegister(i, GuestBytes.word(context, at: machineOffset + 8 * i)) }
        for i in 0..<32 { hart.setFloatRegister(i, GuestBytes.word(context, at: floatOffset + 8 * i)) }
        hart.writeCSR(CSRAddress.fcsr, GuestBytes.word(context, at: fcsrOffset) & 0xff)
        return GuestBytes.word(context, at: maskOffset)
    }
}

extension Process {
    /// The address of the signal-return trampoline, mapping it (one r-x page placed like an
    /// anonymous mapping) the first time. Nil when no room or RAM is left.
    func trampolineAddress() -> UInt64? {
        if let signalTrampoline { return signalTrampoline }
        let page = PageTable.pageSize
        guard let start = addressSpace.highestFreeRange(size: page, floor: mmapFloor, ceiling: mmapCeiling),
              case .success(let id) = addressSpace.map(MemRegion(kind: .code, start: start, end: start + page,
                                                                  permissions: [.read, .execute])),
              let frame = addressSpace.populatePage(at: start, in: id) else { return nil }
        addressSpace.frames.memory.write(SignalFrame.trampolineCode, at: frame)
        signalTrampoline = start
        return start
    }
}
