/// What the guest asked of signals. Actions and the mask are recorded and reported back; signals
/// are not delivered, except that SIGABRT sent to itself ends the process (status 134).
struct SignalState {
    /// The asm-generic `struct sigaction` (handler, flags, mask), per signal 1...64.
    var actions: [UInt64: [UInt8]] = [:]
    /// The blocked set.
    var mask: UInt64 = 0
}

/// rt_sigaction, rt_sigprocmask, kill, tkill and tgkill.
enum SignalSyscalls {
    static let sigkill: UInt64 = 9, sigstop: UInt64 = 19, sigabrt: UInt64 = 6
    /// Bytes of the kernel's sigaction on riscv64: handler, flags and a 64-bit mask (no restorer).
    static let actionSize = 24
    static let sigsetSize: UInt64 = 8

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 134, name: "rt_sigaction", arguments: [.decimal, .hex, .hex, .decimal], result: .decimal,
                          handler: sigaction),
        SyscallDefinition(number: 135, name: "rt_sigprocmask", arguments: [.decimal, .hex, .hex, .decimal], result: .decimal,
                          handler: sigprocmask),
        SyscallDefinition(number: 129, name: "kill", arguments: [.decimal, .decimal], result: .decimal) { process, a in
            send(process, target: a[0], signal: a[1])
        },
        SyscallDefinition(number: 130, name: "tkill", arguments: [.decimal, .decimal], result: .decimal) { process, a in
            send(process, target: a[0], signal: a[1])
        },
        SyscallDefinition(number: 131, name: "tgkill", arguments: [.decimal, .decimal, .decimal], result: .decimal) { process, a in
            guard a[0] == UInt64(Process.processID) else { return .error(.ESRCH) }
            return send(process, target: a[1], signal: a[2])
        },
    ]

    /// rt_sigaction(sig, act, oact, sigsetsize): stores `act` and reports the previous action
    /// (zeros, SIG_DFL, if none was set). `-EINVAL` for a bad signal, a changed SIGKILL/SIGSTOP
    /// or a sigset size other than 8; `-EFAULT` for bad pointers.
    static func sigaction(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        let (signal, new, old) = (a[0], a[1], a[2])
        guard (1...64).contains(signal), a[3] == sigsetSize else { return .error(.EINVAL) }
        guard new == 0 || (signal != sigkill && signal != sigstop) else { return .error(.EINVAL) }
        var action: [UInt8]? = nil
        if new != 0 {
            switch process.copyIn(from: new, count: actionSize) {
            case .success(let bytes): action = bytes
            case .failure(let error): return IOSyscalls.failure(error)
            }
        }
        if old != 0 {
            let previous = process.signals.actions[signal] ?? [UInt8](repeating: 0, count: actionSize)
            if case .failure(let error) = process.copyOut(previous, to: old) { return IOSyscalls.failure(error) }
        }
        if let action { process.signals.actions[signal] = action }
        return .value(0)
    }

    /// rt_sigprocmask(how, set, oset, sigsetsize): SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2 on the
    /// recorded mask; SIGKILL and SIGSTOP are never blocked.
    static func sigprocmask(_ process: Process, _ a: [UInt64]) -> SyscallResult {
        let (how, set, old) = (a[0], a[1], a[2])
        guard a[3] == sigsetSize else { return .error(.EINVAL) }
        var requested: UInt64? = nil
        if set != 0 {
            guard how <= 2 else { return .error(.EINVAL) }
            switch process.copyIn(from: set, count: 8) {
            case .success(let bytes): requested = GuestBytes.word(bytes, at: 0)
            case .failure(let error): return IOSyscalls.failure(error)
            }
        }
        if old != 0, case .failure(let error) = process.copyOut(GuestBytes.words(process.signals.mask), to: old) {
            return IOSyscalls.failure(error)
        }
        if let requested {
            let unblockable: UInt64 = 1 << (sigkill - 1) | 1 << (sigstop - 1)
            switch how {
            case 0: process.signals.mask |= requested
            case 1: process.signals.mask &= ~requested
            default: process.signals.mask = requested
            }
            process.signals.mask &= ~unblockable
        }
        return .value(0)
    }

    /// A signal sent to the process itself: SIGABRT kills it (134); signal 0 checks it exists; any
    /// other signal is accepted and not delivered. Another target is `-ESRCH`.
    static func send(_ process: Process, target: UInt64, signal: UInt64) -> SyscallResult {
        guard target == UInt64(Process.processID) else { return .error(.ESRCH) }
        guard signal <= 64 else { return .error(.EINVAL) }
        if signal == sigabrt {
            return .kill(Kill(reason: .abort, message: "abort (SIGABRT) (pc \(hex(process.hart.pc)))"))
        }
        return .value(0)
    }
}
