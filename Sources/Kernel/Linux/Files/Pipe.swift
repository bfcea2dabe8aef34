/// The guest's open file description of one end of a pipe: what dup and fork share, beside the
/// host descriptor. Pipes are host pipes (64 KiB, Linux's default size) kept O_NONBLOCK on the
/// host so that no read or write ever blocks tinyrv; the guest's own O_NONBLOCK lives here, and a
/// guest call that would block blocks only its task (`Process.waitUntilReady`).
final class PipeEnd {
    var nonBlocking: Bool

    init(nonBlocking: Bool) {
        self.nonBlocking = nonBlocking
    }
}

/// pipe2: a pipe between descriptors of the process, which fork hands to children.
enum PipeSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(59, "pipe2", [.hex, .hex], pipe2),
    ]

    /// pipe2(fds, flags): a new pipe; fds[0] reads, fds[1] writes. Flags O_CLOEXEC, O_NONBLOCK and
    /// O_DIRECT (accepted, packets are not kept). EOF once every write end is closed; writing with
    /// every read end closed is `-EPIPE` and SIGPIPE. `-EINVAL` for other flags, `-EFAULT` for a
    /// bad `fds`, `-EMFILE` when the table is full.
    static func pipe2(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let flags = a[1]
        guard flags & ~(OpenFlags.closeOnExec | OpenFlags.nonBlocking | OpenFlags.direct) == 0 else { return .error(.EINVAL) }
        guard process.isAccessible(a[0], count: 8, for: .store) else { return .error(.EFAULT) }
        Host.ignoreBrokenPipeSignal()
        let host = try Host.makePipe(flags: .nonBlocking).orFail()
        return try PipeSyscalls.installPair(process, host.reader, host.writer, flags: flags, at: a[0])
    }

    /// Puts the two host ends of a pipe or socket pair at the two lowest free descriptors, each its
    /// own `PipeEnd`, with the guest's O_NONBLOCK and O_CLOEXEC from `flags`, and stores the two
    /// numbers as ints at `address`. `-EMFILE` (closing both host ends) when the table is full.
    static func installPair(_ process: Process, _ first: HostDescriptor, _ second: HostDescriptor, flags: UInt64,
                            at address: UInt64) throws(SyscallFailure) -> SyscallResult {
        let nonBlocking = flags & OpenFlags.nonBlocking != 0
        guard let one = process.files.allocate(.pipe(first, PipeEnd(nonBlocking: nonBlocking))) else {
            first.close()
            second.close()
            return .error(.EMFILE)
        }
        guard let other = process.files.allocate(.pipe(second, PipeEnd(nonBlocking: nonBlocking))) else {
            _ = process.files.close(Int64(one))
            second.close()
            return .error(.EMFILE)
        }
        for fd in [one, other] { process.fileSystem.setCloseOnExec(flags & OpenFlags.closeOnExec != 0, for: fd) }
        try process.copyOutArgument(GuestBytes.word32(UInt32(one)) + GuestBytes.word32(UInt32(other)), to: address)
        return .value(0)
    }
}

extension Process {
    /// Whether a read (`.input`) or write (`.output`) on `entry` may go ahead now: nil if so, else
    /// the call's answer: blocking until the host descriptor is ready. A non-blocking pipe end
    /// always goes ahead, and the host's non-blocking call answers (`-EAGAIN`, or EOF from a FIFO
    /// that has no writer). Pipes are always checked; other host descriptors only while the host must
    /// not block (`waitsMustNotBlockHost`; with one task and no timer, blocking the host is blocking the task).
    func waitUntilReady(_ entry: FileTable.Entry, events: PollEvents) -> SyscallResult? {
        switch entry {
        case .pipe(let fd, let end):
            if end.nonBlocking || Process.isReady(fd, events: events) { return nil }
            return .block(.descriptor(fd, events: events))
        case .host(let fd), .owned(let fd), .listing(let fd, _):
            guard scheduler?.waitsMustNotBlockHost == true, !Process.isReady(fd, events: events) else { return nil }
            guard case .success(let status) = fd.statusFlags(), !status.contains(.nonBlocking),
                  Process.isOpen(status, for: events), Process.mayWait(on: fd, for: events) else { return nil }
            return .block(.descriptor(fd, events: events))
        }
    }

    /// True when a read (`.input`) or write of host descriptor `fd` can wait on Linux, so a task
    /// may wait for poll to call it ready: a pipe, a socket, a terminal or other character device,
    /// and for reading a timer descriptor. Anything else (an epoll instance, a directory) answers
    /// at once, often with an error, and a task waiting for its readiness would wait for ever.
    static func mayWait(on fd: HostDescriptor, for events: PollEvents) -> Bool {
        guard case .success(let status) = fd.status() else { return false }
        switch status.type {
        case .fifo?, .socket?, .characterDevice?: return true
        case nil: return events.contains(.input) && fd.hostPath == "anon_inode:[timerfd]"
        default: return false
        }
    }

    /// True when a descriptor with file status `status` is open for the direction of `events`
    /// (a read of a write-only one fails at once with EBADF, as on Linux, instead of waiting for
    /// readability that can never come).
    static func isOpen(_ status: HostOpenFlags, for events: PollEvents) -> Bool {
        events.contains(.input) ? status.allowsReading : status.allowsWriting
    }

    /// True when poll(2) reports any event (or an error or hang-up) on `fd` at once.
    static func isReady(_ fd: HostDescriptor, events: PollEvents) -> Bool {
        var records = [HostPollRecord(descriptor: fd, events: events)]
        return (try? Host.pollNow(&records).get()) ?? 0 != 0
    }

    /// SIGPIPE for a write that found no reader (`-EPIPE`), as Linux sends it.
    func signalBrokenPipe(_ result: SyscallResult) -> SyscallResult {
        result == .error(.EPIPE) ? Signal.brokenPipe(self, written: 0) : result
    }

    /// The deadline of a timed wait that lasts `duration` nanoseconds from the call (the same
    /// deadline again when the call runs again after blocking), or nil when it has passed.
    /// Records it for the re-execution.
    func timedWaitDeadline(after duration: UInt64) -> UInt64? {
        let now = Host.monotonicNow()
        let deadline = scheduler?.current.restartDeadline ?? now &+ duration
        guard now < deadline else { return nil }
        scheduler?.current.restartDeadline = deadline
        return deadline
    }
}
