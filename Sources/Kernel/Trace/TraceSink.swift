/// Which trace events a run emits (`--trace syscalls,faults,traps,instructions|all`).
public struct TraceOptions: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `write(1, 0x3ffffffe80, 6) = 6`, strace-style, errors as `-12 ENOMEM`.
    public static let syscalls = TraceOptions(rawValue: 1)
    /// `fault: store 0x3ffffed008 pc=0x10234 stack -> mapped 0x3ffffed000 (frame 0x80013000)`.
    public static let faults = TraceOptions(rawValue: 2)
    /// `trap: ecall pc=0x10078`, one line per trap the hart returns.
    public static let traps = TraceOptions(rawValue: 4)
    /// `0x0000000000010078 00a50533  add a0, a0, a0`, one line per instruction.
    public static let instructions = TraceOptions(rawValue: 8)
    public static let all: TraceOptions = [.syscalls, .faults, .traps, .instructions]
}

/// Where trace lines go: a host file descriptor (stderr or a `--trace-file`), or a closure in tests.
///
/// Lines are buffered; the kernel flushes before every write of guest output and at the end of a
/// run, so trace lines and guest output that share a descriptor keep their order. Write errors are
/// ignored (tracing never stops a run).
public final class TraceSink {
    private let descriptor: HostDescriptor?
    private let lineHandler: ((String) -> Void)?
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 16
    /// Put before every line: `[pid 101] ` while more than one task runs (set by the scheduler).
    public internal(set) var linePrefix = ""

    /// Writes lines to `fileDescriptor`, which the caller keeps open for the sink's lifetime.
    public init(fileDescriptor: Int32) {
        self.descriptor = HostDescriptor(rawValue: fileDescriptor)
        self.lineHandler = nil
        buffer.reserveCapacity(TraceSink.bufferLimit)
    }

    /// Hands each line, without its newline, to `lineHandler` at once (for tests and in-memory use).
    public init(lineHandler: @escaping (String) -> Void) {
        self.descriptor = nil
        self.lineHandler = lineHandler
    }

    /// A sink for stderr.
    public static var standardError: TraceSink { TraceSink(fileDescriptor: 2) }

    /// Emits one line; `line` must not contain a newline.
    public func write(_ line: String) {
        if let lineHandler {
            lineHandler(linePrefix + line)
            return
        }
        buffer.append(contentsOf: linePrefix.utf8)
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= TraceSink.bufferLimit { flush() }
    }

    /// Writes out buffered lines.
    public func flush() {
        guard let descriptor, !buffer.isEmpty else { return }
        _ = descriptor.writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// `0x1a2b`: the hex form every trace line and kill message uses.
func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
