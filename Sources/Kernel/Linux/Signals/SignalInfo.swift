/// What the kernel records about one pending signal for its `siginfo_t`.
struct SignalInfo: Equatable {
    var signal: UInt64
    /// si_code: SI_USER (0) for kill, SI_TKILL (-6) for tkill/tgkill, SI_KERNEL (0x80), or the
    /// fault's code (SEGV_MAPERR 1, ...), CLD_EXITED (1) / CLD_KILLED (2) for SIGCHLD.
    var code: Int32 = 0
    /// si_pid and si_uid of the sender (kill, SIGCHLD).
    var senderPID: Int64 = 0
    var senderUID: UInt32 = 0
    /// si_addr of a fault.
    var address: UInt64 = 0
    /// si_status of SIGCHLD: the exit code or the signal.
    var status: Int32 = 0
    /// Whether si_addr (faults) or si_status (SIGCHLD) is the union's member.
    var isFault = false
    /// si_timerid, si_overrun and si_value of a POSIX timer's signal (SI_TIMER).
    var timer: TimerFields?
    /// The whole 128-byte siginfo a process gave rt_sigqueueinfo or rt_tgsigqueueinfo (sigqueue's
    /// SI_QUEUE and si_value among it), delivered as it was given but for si_signo.
    var queued: [UInt8]?

    struct TimerFields: Equatable {
        var id: Int32
        var overrun: Int32
        var value: UInt64
    }

    static let user: Int32 = 0, tkill: Int32 = -6, kernel: Int32 = 0x80

    /// `{si_signo=SIGSEGV, si_code=1, si_addr=0x40}` as strace shows a delivered signal.
    var traceText: String {
        let detail = isFault ? "si_addr=\(hex(address))" : "si_pid=\(senderPID), si_uid=\(senderUID)"
            + (signal == Signal.child ? ", si_status=\(status)" : "")
        return "{si_signo=\(Signal.name(signal)), si_code=\(code), \(detail)}"
    }

    /// The 128-byte `siginfo_t`: signo, errno, code, then the union at offset 16 (pid, uid, then
    /// status for SIGCHLD; the address for faults; timerid, overrun, value for timers), or the
    /// queued bytes.
    var bytes: [UInt8] {
        if var queued {
            queued.replaceSubrange(0..<4, with: GuestBytes.word32(UInt32(truncatingIfNeeded: signal)))
            return queued
        }
        var words = [UInt64](repeating: 0, count: 16)
        words[0] = signal & 0xffff_ffff
        words[1] = UInt64(UInt32(bitPattern: code))
        if isFault {
            words[2] = address
        } else if let timer {
            words[2] = UInt64(UInt32(bitPattern: timer.id)) | UInt64(UInt32(bitPattern: timer.overrun)) << 32
            words[3] = timer.value
        } else {
            words[2] = UInt64(UInt32(truncatingIfNeeded: senderPID)) | UInt64(senderUID) << 32
            words[3] = UInt64(UInt32(bitPattern: status))
        }
        return GuestBytes.words(words)
    }
}
