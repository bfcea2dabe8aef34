/// openat, dup, dup3 and fcntl: the guest's descriptor table over sandboxed host files.
enum DescriptorSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(56, "openat", [.decimal, .string, .hex, .hex], openat),
        SyscallDefinition(23, "dup", [.decimal], dup),
        SyscallDefinition(24, "dup3", [.decimal, .decimal, .hex], dup3),
        SyscallDefinition(25, "fcntl", [.decimal, .decimal, .hex], fcntl),
    ]

    /// fcntl commands (asm-generic) and FD_CLOEXEC.
    static let duplicateDescriptor: UInt64 = 0, getDescriptorFlags: UInt64 = 1, setDescriptorFlags: UInt64 = 2
    static let getStatusFlags: UInt64 = 3, setStatusFlags: UInt64 = 4, duplicateCloseOnExec: UInt64 = 1030
    static let setPipeCapacity: UInt64 = 1031, getPipeCapacity: UInt64 = 1032
    static let descriptorCloseOnExec: UInt64 = 1

    /// openat(dirfd, path, flags, mode): opens `path` in the sandbox (`FileSystemSandbox`), or the
    /// kernel's own `/proc/self` files (`ProcFiles`), and returns the lowest free descriptor. Flags are riscv64's O_* values, translated for the host;
    /// a created file's mode loses the guest's umask (`Process.fileCreationMask`).
    /// Without `allowFileWrites`, a request to write, create or truncate gets `-EACCES` once the path
    /// resolves (a missing file without O_CREAT still gets `-ENOENT`). `-EMFILE` past 1024
    /// descriptors; otherwise the host kernel's errno for the same open.
    static func openat(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let path = try process.pathArgument(a[1])
        let base = try process.lookupBase(dirfd: a[0], for: path)
        let flags = a[2]
        let sandbox = process.fileSystem
        if let entry = process.procSelfEntry(path, from: base), let stream = process.inheritedStream(entry) {
            guard !OpenFlags.wantsWrite(flags) || Process.isOpenForWriting(stream) else { return .error(.EACCES) }
            return install(process, .host(stream), closeOnExec: flags & OpenFlags.closeOnExec != 0)
        }
        if let entry = process.procSelfEntry(path, from: base), case .pipe(let pipeFD, _)? = process.descriptorEntry(entry) {
            return try reopenPipe(process, pipeFD, flags: flags)
        }
        if let entry = process.procSelfEntry(path, from: base),
           let opened = process.openProcFile(entry, wantsWrite: OpenFlags.wantsWrite(flags)) {
            return install(process, .owned(try opened.orFail()), closeOnExec: flags & OpenFlags.closeOnExec != 0)
        }
        if let listing = process.procDirectoryListing(path, from: base) {
            guard !OpenFlags.wantsWrite(flags) else { return .error(.EISDIR) }
            return install(process, .listing(try Host.makeVanishedDirectory().orFail(), listing),
                           closeOnExec: flags & OpenFlags.closeOnExec != 0)
        }
        if let contents = process.otherProcFileContents(path, from: base) {
            guard !OpenFlags.wantsWrite(flags) else { return .error(.EACCES) }
            return install(process, .owned(try Process.memoryFile(contents).orFail()), closeOnExec: flags & OpenFlags.closeOnExec != 0)
        }
        if OpenFlags.wantsWrite(flags), !sandbox.allowWrites, !sandbox.isHarmlessDevice(path, from: base) {
            switch sandbox.openPath(path, from: base, followLink: flags & OpenFlags.noFollow == 0) {
            case .success(let probe): probe.close()
            case .failure(.ENOENT) where flags & OpenFlags.create != 0: break
            case .failure(let error): return .error(error)
            }
            return .error(.EACCES)
        }
        let hostFlags = HostOpenFlags(guest: flags & ~OpenFlags.closeOnExec)
        let mode = UInt32(truncatingIfNeeded: a[3] & ~process.fileCreationMask)
        guard flags & OpenFlags.path == 0 else {
            return install(process, .owned(try sandbox.open(path, from: base, flags: hostFlags, mode: mode, searchSysroot: true).orFail()),
                           closeOnExec: flags & OpenFlags.closeOnExec != 0)
        }
        // Opened non-blocking, so that a FIFO never blocks tinyrv; anything else gets its flags back.
        let opening = sandbox.open(path, from: base, flags: hostFlags.union(.nonBlocking), mode: mode, searchSysroot: true)
        if case .failure(.ENXIO) = opening, flags & OpenFlags.nonBlocking == 0,
           case .success(let probe) = sandbox.openPath(path, from: base, followLink: flags & OpenFlags.noFollow == 0) {
            defer { probe.close() }
            if probe.status().map(\.type) == .success(.fifo) { return .block(.until(Host.monotonicNow() &+ fifoRetryNanoseconds)) }
        }
        let opened = try opening.orFail()
        if opened.status().map(\.type) == .success(.fifo) { return openFifo(process, opened, flags: flags) }
        if flags & OpenFlags.nonBlocking == 0, case .failure(let error) = opened.setStatusFlags(hostFlags) {
            opened.close()
            return .error(error)
        }
        if flags & OpenFlags.truncate != 0 { process.truncateCache(behind: opened, to: 0) }
        return install(process, .owned(opened), closeOnExec: flags & OpenFlags.closeOnExec != 0)
    }

    /// How often a blocking open of a FIFO for writing looks for a reader again.
    static let fifoRetryNanoseconds: UInt64 = 1_000_000

    /// Installs a FIFO opened (non-blocking on the host) by openat as a pipe end, after waiting as
    /// Linux does: a blocking open for reading waits for a writer (the task keeps its read end in
    /// `Task.pendingFifo` and blocks until a writer has written or come and gone); a blocking
    /// open for writing that found no reader waited before this, retrying every
    /// `fifoRetryNanoseconds`.
    private static func openFifo(_ process: Process, _ opened: HostDescriptor, flags: UInt64) -> SyscallResult {
        let end = PipeEnd(nonBlocking: flags & OpenFlags.nonBlocking != 0)
        guard flags & OpenFlags.accessModeMask == 0, !end.nonBlocking, let task = process.scheduler?.current else {
            return install(process, .pipe(opened, end), closeOnExec: flags & OpenFlags.closeOnExec != 0)
        }
        let fifo: HostDescriptor
        if let pending = task.pendingFifo {
            opened.close()
            fifo = pending
        } else {
            fifo = opened
        }
        guard Process.isReady(fifo, events: .input) else {
            task.pendingFifo = fifo
            return .block(.descriptor(fifo, events: .input))
        }
        task.pendingFifo = nil
        return install(process, .pipe(fifo, end), closeOnExec: flags & OpenFlags.closeOnExec != 0)
    }

    /// dup(fd): the lowest free descriptor, sharing the open file (offset and status flags),
    /// FD_CLOEXEC clear. `-EBADF`, `-EMFILE`.
    static func dup(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        try duplicate(process, a[0], lowest: 0, closeOnExec: false)
    }

    /// dup3(old, new, flags): makes `new` share `old`'s open file, closing what `new` was.
    /// `-EINVAL` when they are equal or flags hold anything but O_CLOEXEC, `-EBADF` for a closed
    /// `old` or a `new` outside the descriptor range.
    static func dup3(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (old, new) = (Process.descriptor(a[0]), Process.descriptor(a[1]))
        guard a[2] & ~OpenFlags.closeOnExec == 0 else { return .error(.EINVAL) }
        guard old != new else { return .error(.EINVAL) }
        guard new >= 0, new < Int64(FileTable.limit) else { return .error(.EBADF) }
        let copy = try process.files.duplicate(process.openEntry(a[0])).orFail()
        process.files.install(copy, at: Int(new))
        process.fileSystem.setCloseOnExec(a[2] != 0, for: Int(new))
        return .value(new)
    }

    /// fcntl(fd, cmd, arg) for F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL and F_SETFL
    /// (status flags in riscv64's O_* values; F_SETFL changes only O_APPEND, O_NONBLOCK, O_ASYNC,
    /// O_DIRECT and O_NOATIME, on the host descriptor; a pipe's O_NONBLOCK is the guest's `PipeEnd`
    /// flag, the host end staying non-blocking), F_GETPIPE_SZ and F_SETPIPE_SZ (the host pipe's
    /// capacity; `-EBADF` for anything else), and the record locks (`RecordLocks`). Other commands
    /// get `-EINVAL`.
    static func fcntl(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let entry = try process.openEntry(a[0])
        switch a[1] {
        case duplicateDescriptor, duplicateCloseOnExec:
            let minimum = Int64(Int32(truncatingIfNeeded: a[2]))
            guard minimum >= 0, minimum < Int64(FileTable.limit) else { return .error(.EINVAL) }
            return try duplicate(process, a[0], lowest: Int(minimum), closeOnExec: a[1] == duplicateCloseOnExec)
        case getDescriptorFlags:
            return .value(process.fileSystem.isCloseOnExec(Int(Process.descriptor(a[0]))) ? Int64(descriptorCloseOnExec) : 0)
        case setDescriptorFlags:
            process.fileSystem.setCloseOnExec(a[2] & descriptorCloseOnExec != 0, for: Int(Process.descriptor(a[0])))
            return .value(0)
        case getStatusFlags:
            var guest = try entry.hostDescriptor.statusFlags().orFail().guest
            if case .pipe(_, let end) = entry {
                guest = end.nonBlocking ? guest | OpenFlags.nonBlocking : guest & ~OpenFlags.nonBlocking
            }
            return .value(Int64(guest))
        case setStatusFlags:
            let current = try entry.hostDescriptor.statusFlags().orFail()
            var requested = a[2]
            if case .pipe(_, let end) = entry {
                end.nonBlocking = requested & OpenFlags.nonBlocking != 0
                requested |= OpenFlags.nonBlocking
            }
            let changeable = HostOpenFlags(guest: OpenFlags.changeableByFcntl)
            let wanted = current.subtracting(changeable).union(HostOpenFlags(guest: requested).intersection(changeable))
            return SyscallResult(entry.hostDescriptor.setStatusFlags(wanted))
        case getPipeCapacity:
            return SyscallResult(entry.hostDescriptor.pipeCapacity())
        case setPipeCapacity:
            guard a[2] <= UInt64(Int32.max) else { return .error(.EINVAL) }
            return SyscallResult(entry.hostDescriptor.setPipeCapacity(Int32(a[2])))
        case let command where RecordLocks.commands.contains(command):
            return try RecordLocks.fcntl(process, entry, command: command, address: a[2])
        default:
            return .error(.EINVAL)
        }
    }

    /// A copy of descriptor `register` at the lowest free descriptor `>= lowest`.
    private static func duplicate(_ process: Process, _ register: UInt64, lowest: Int,
                                  closeOnExec: Bool) throws(SyscallFailure) -> SyscallResult {
        let copy = try process.files.duplicate(process.openEntry(register)).orFail()
        return install(process, copy, lowest: lowest, closeOnExec: closeOnExec)
    }

    /// Opens the pipe behind `/proc/self/fd/N` again, as Linux does: a new open file of the same pipe
    /// with the access mode asked for and its own O_NONBLOCK. Writing a pipe changes no file, so it
    /// needs no `--fs-write`. `-errno` as the host's open of the pipe (`-ENXIO`: no reader is left).
    private static func reopenPipe(_ process: Process, _ pipeFD: HostDescriptor, flags: UInt64) throws(SyscallFailure) -> SyscallResult {
        let access = HostOpenFlags(guest: flags & OpenFlags.accessModeMask)
        let fd = try Host.open(pipeFD.procPath, flags: access.union(.nonBlocking)).orFail()
        let end = PipeEnd(nonBlocking: flags & OpenFlags.nonBlocking != 0)
        return install(process, .pipe(fd, end), closeOnExec: flags & OpenFlags.closeOnExec != 0)
    }

    /// Puts a new entry at the lowest free descriptor `>= lowest` with its FD_CLOEXEC; `-EMFILE`
    /// (closing the entry's host descriptor) when the table is full.
    static func install(_ process: Process, _ entry: FileTable.Entry, lowest: Int = 0,
                        closeOnExec: Bool) -> SyscallResult {
        guard let fd = process.files.allocate(entry, lowest: lowest) else {
            if case .host = entry {} else { entry.hostDescriptor.close() }
            return .error(.EMFILE)
        }
        process.fileSystem.setCloseOnExec(closeOnExec, for: fd)
        return .value(Int64(fd))
    }
}
