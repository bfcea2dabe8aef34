/// clone3(args, size): clone with its arguments in a `struct clone_args` (glibc's pthread_create
/// tries it first). The same tasks as `ProcessSyscalls.clone`, checked as Linux's
/// `copy_clone_args_from_user` and `clone3_args_valid` check them.
enum Clone3Syscall {
    /// CLONE_ARGS_SIZE_VER0 (flags … tls), the size this kernel knows (VER2, with set_tid and
    /// cgroup), and the largest size accepted at all (a page).
    static let smallestSize: UInt64 = 64, knownSize = 88, largestSize: UInt64 = 4096
    /// Flags clone3 never takes: CLONE_DETACHED and the CSIGNAL bits (exit_signal has its field).
    static let refusedFlags: UInt64 = ProcessSyscalls.cloneDetached | ProcessSyscalls.exitSignalMask
    /// CLONE_CLEAR_SIGHAND and CLONE_INTO_CGROUP, which only clone3 knows; not supported here.
    static let clearSighand: UInt64 = 1 << 32, intoCgroup: UInt64 = 1 << 33
    /// The highest signal number exit_signal may name.
    static let largestSignal: UInt64 = 64

    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(435, "clone3", [.hex, .decimal], clone3),
    ]

    /// The fields of `struct clone_args` this kernel reads.
    struct Arguments {
        var flags, childTID, parentTID, exitSignal, stack, stackSize, tls, setTID, setTIDSize: UInt64
    }

    /// clone3(args, size): `-E2BIG` for a size over a page or unknown trailing bytes that are not
    /// zero, `-EINVAL` for a size under 64, a bad exit_signal, set_tid, flags clone3 refuses or a
    /// stack and stack_size that do not agree; `-EFAULT` for unreadable args; then as `clone`.
    static func clone3(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let arguments = try read(process, at: a[0], size: a[1])
        guard arguments.exitSignal <= largestSignal, arguments.setTID == 0, arguments.setTIDSize == 0,
              arguments.flags & (refusedFlags | clearSighand | intoCgroup) == 0,
              arguments.flags & (ProcessSyscalls.cloneThread | ProcessSyscalls.cloneParent) == 0 || arguments.exitSignal == 0,
              (arguments.stack == 0) == (arguments.stackSize == 0) else { return .error(.EINVAL) }
        var top: UInt64 = 0
        if arguments.stack != 0 {
            let (end, overflow) = arguments.stack.addingReportingOverflow(arguments.stackSize)
            guard !overflow else { return .error(.EINVAL) }
            top = end
        }
        let legacy = [arguments.flags | arguments.exitSignal, top, arguments.parentTID, arguments.tls, arguments.childTID]
        return try ProcessSyscalls.clone(process, legacy)
    }

    /// Reads `size` bytes of clone_args at `address`: the fields known here, zero where a smaller
    /// (older) struct ends; `-E2BIG`/`-EINVAL` for the size, `-EFAULT` for unreadable bytes.
    static func read(_ process: Process, at address: UInt64, size: UInt64) throws(SyscallFailure) -> Arguments {
        guard size <= largestSize else { throw SyscallFailure(.E2BIG) }
        guard size >= smallestSize else { throw SyscallFailure(.EINVAL) }
        var bytes = try process.copyInArgument(from: address, count: Int(size))
        if bytes.count > knownSize {
            guard bytes[Int(knownSize)...].allSatisfy({ $0 == 0 }) else { throw SyscallFailure(.E2BIG) }
        }
        bytes += [UInt8](repeating: 0, count: max(0, Int(knownSize) - bytes.count))
        let field = { (index: Int) in GuestBytes.word(bytes, at: 8 * index) }
        return Arguments(flags: field(0), childTID: field(2), parentTID: field(3), exitSignal: field(4), stack: field(5),
                         stackSize: field(6), tls: field(7), setTID: field(8), setTIDSize: field(9))
    }
}
