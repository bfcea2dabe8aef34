import RISCV

/// What a syscall handler decided.
enum SyscallResult: Equatable {
    /// Return `value` in a0 (negative errno for errors) and resume after the ecall.
    case value(Int64)
    /// `exit`/`exit_group` with this code.
    case exit(Int64)
    /// The call must kill the process (a fault while copying ran out of RAM, or abort).
    case kill(Kill)
    /// The call waits: pc stays on the ecall, which runs again once `WaitCondition` holds.
    indirect case block(WaitCondition)
    /// Return `value` now, then wait (the parent of vfork).
    indirect case valueThenBlock(Int64, WaitCondition)
    /// The handler set the registers and pc itself (execve, rt_sigreturn): nothing to write.
    case registersSet

    static func error(_ errno: Errno) -> SyscallResult { .value(errno.negated) }
}

/// A syscall result carried as an error, so that a handler can stop where an argument turns out
/// bad (`try process.openEntry(fd)`, `try result.orFail()`); `SyscallDefinition.run` returns it.
struct SyscallFailure: Error {
    let result: SyscallResult
    init(_ result: SyscallResult) { self.result = result }
}

/// How the trace shows an argument or a result.
enum SyscallValueFormat: Equatable {
    case decimal, hex
    /// A NUL-terminated string at the pointer: `"sub/b.txt"`.
    case string
    /// The bytes at the pointer, as many as argument `lengthArgument` says: `"hello\n"`.
    case buffer(lengthArgument: Int)
    /// The bytes at the pointer, as many as the call returned (read's data): `"abc"`.
    case resultBuffer
}

/// One entry of the syscall table: the Linux (or tinyrv) number, the name and argument formats for
/// the trace, and the handler, which gets the process and a0...a5. A class: dispatch takes one
/// reference to it, not copies of its name, formats and handler.
final class SyscallDefinition {
    let number: UInt64
    let name: String
    let arguments: [SyscallValueFormat]
    let result: SyscallValueFormat
    private let handler: (Process, [UInt64]) throws(SyscallFailure) -> SyscallResult

    /// The one handler convention: a handler returns its result or throws a `SyscallFailure`
    /// (`-errno`, or a kill) from wherever an argument turned out bad.
    init(_ number: UInt64, _ name: String, _ arguments: [SyscallValueFormat], result: SyscallValueFormat = .decimal,
         _ handler: @escaping (Process, [UInt64]) throws(SyscallFailure) -> SyscallResult) {
        self.number = number
        self.name = name
        self.arguments = arguments
        self.result = result
        self.handler = handler
    }

    /// Runs the handler with a0...a5; a thrown `SyscallFailure` becomes its result.
    func run(_ process: Process, _ arguments: [UInt64]) -> SyscallResult {
        do throws(SyscallFailure) { return try handler(process, arguments) } catch { return error.result }
    }
}

/// The syscall table (seed: `syscall`): number -> handler, with the handlers in one file per theme.
enum SyscallTable {
    static let definitions: [UInt64: SyscallDefinition] = {
        let all = IOSyscalls.definitions + ProcessSyscalls.definitions + MemorySyscalls.definitions
            + MappingSyscalls.definitions + RemapSyscalls.definitions + IdentitySyscalls.definitions + TimeSyscalls.definitions
            + SignalSyscalls.definitions + FileStatusSyscalls.definitions + FileWriteSyscalls.definitions
            + ResourceSyscalls.definitions
            + DescriptorSyscalls.definitions + FileIOSyscalls.definitions + PathSyscalls.definitions + DirectoryChangeSyscalls.definitions + SignalStackSyscalls.definitions + TaskSyscalls.definitions
            + PollSyscalls.definitions + ThreadSyscalls.definitions + TimestampSyscalls.definitions
            + HardwareProbeSyscalls.definitions + FileMappings.definitions + StatxSyscalls.definitions
            + FileChangeSyscalls.definitions + FileSystemSyscalls.definitions + TimerSyscalls.definitions
            + WaitSyscalls.definitions + ExecSyscalls.definitions + PipeSyscalls.definitions + SignalWaitSyscalls.definitions + SignalQueueSyscalls.definitions
            + Clone3Syscall.definitions + RobustFutexList.definitions + MembarrierSyscall.definitions + SocketSyscalls.definitions
            + EpollSyscalls.definitions + EventFileSyscalls.definitions + CredentialSyscalls.definitions
            + SchedulingSyscalls.definitions + LockingSyscalls.definitions + ExtendedAttributeSyscalls.definitions
        var table: [UInt64: SyscallDefinition] = [:]
        for definition in all {
            precondition(table[definition.number] == nil, "syscall \(definition.number) defined twice")
            table[definition.number] = definition
        }
        return table
    }()

    /// `definitions` as an array indexed by number, for dispatch without hashing.
    static let byNumber: [SyscallDefinition?] = {
        var table = [SyscallDefinition?](repeating: nil, count: Int(definitions.keys.max() ?? 0) + 1)
        for (number, definition) in definitions { table[Int(number)] = definition }
        return table
    }()

    /// Runs the call numbered a7 with a0...a5 and traces it. Unknown numbers return `-ENOSYS`.
    static func dispatch(_ process: Process) -> SyscallResult {
        let hart = process.hart
        let number = hart.register(Register.a7)
        let arguments = [hart.register(Register.a0), hart.register(Register.a1), hart.register(Register.a2),
                         hart.register(Register.a3), hart.register(Register.a4), hart.register(Register.a5)]
        guard number < UInt64(byNumber.count), let definition = byNumber[Int(number)] else {
            if process.trace.contains(.syscalls) {
                let shown = arguments.map { hex($0) }.joined(separator: ", ")
                process.traceSink.write("syscall_\(number)(\(shown)) = \(Errno.traceText(forResult: Errno.ENOSYS.negated)!)")
            }
            return .error(.ENOSYS)
        }
        let result = definition.run(process, arguments)
        if case .block = result { return result }
        if process.trace.contains(.syscalls) {
            process.traceSink.write(traceLine(definition, arguments, result, peek: process.peekMapped))
        }
        return result
    }

    /// `sbrk(4096) = 0x13000`, `write(1, "hi\n", 3) = 3`, `brk(0x0) = -12 ENOMEM`, `exit(3) = ?`.
    /// `peek` reads guest memory for strings and buffers without faulting anything in (nil when
    /// unmapped, which shows the pointer instead).
    static func traceLine(_ definition: SyscallDefinition, _ arguments: [UInt64], _ result: SyscallResult,
                          peek: (UInt64, Int) -> [UInt8]? = { _, _ in nil }) -> String {
        var returned: Int64?
        if case .value(let value) = result { returned = value }
        if case .valueThenBlock(let value, _) = result { returned = value }
        let shown = zip(definition.arguments, arguments).map { format, value -> String in
            switch format {
            case .decimal: return String(Int64(bitPattern: value))
            case .hex: return hex(value)
            case .string: return peek(value, TraceText.stringLimit).map { TraceText.quoted($0, stopAtNul: true) } ?? hex(value)
            case .buffer(let index): return TraceText.buffer(at: value, length: arguments[index], peek: peek)
            case .resultBuffer:
                guard let returned, returned >= 0 else { return hex(value) }
                return TraceText.buffer(at: value, length: UInt64(returned), peek: peek)
            }
        }.joined(separator: ", ")
        let outcome: String
        switch result {
        case .value(let value), .valueThenBlock(let value, _):
            if let error = Errno.traceText(forResult: value) {
                outcome = error
            } else {
                outcome = definition.result == .hex ? hex(UInt64(bitPattern: value)) : String(value)
            }
        case .exit, .block: outcome = "?"
        case .registersSet: outcome = "0"
        case .kill: outcome = "? (killed)"
        }
        return "\(definition.name)(\(shown)) = \(outcome)"
    }
}
