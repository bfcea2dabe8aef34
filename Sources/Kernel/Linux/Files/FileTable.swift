/// The process's file descriptors. fd 0, 1 and 2 are the host's stdin, stdout and stderr.
///
/// Every entry is backed by a host descriptor. tinyrv's own standard streams are shared and never
/// closed by the guest; descriptors opened for the guest (through `FileSystemSandbox`, `pipe2`, or
/// by `dup` and fork) are owned: one host descriptor per entry, closed when the entry goes (close,
/// replacement, or the end of the process). Duplicated host descriptors share the host's open file
/// description, so offsets and status flags are shared as Linux shares them.
final class FileTable {
    /// The most descriptors a process may hold (`-EMFILE` beyond).
    static let limit = 1024

    enum Entry: Equatable {
        /// One of tinyrv's standard streams; output through it is written at once, unbuffered.
        case host(HostDescriptor)
        /// A host descriptor this table owns.
        case owned(HostDescriptor)
        /// One end of a guest pipe or socket pair: a host descriptor this table owns (always
        /// O_NONBLOCK on the host) and the guest's open file description of that end (`PipeEnd`).
        case pipe(HostDescriptor, PipeEnd)
        /// A directory the kernel makes (`/proc`, `/proc/<pid>`, its `fd`): an empty host directory
        /// that no path names (for fstat) and the names getdents64 lists (`DirectoryListing`).
        case listing(HostDescriptor, DirectoryListing)

        /// The host descriptor to read, write or query.
        var hostDescriptor: HostDescriptor {
            switch self {
            case .host(let fd), .owned(let fd), .pipe(let fd, _), .listing(let fd, _): return fd
            }
        }

        static func == (left: Entry, right: Entry) -> Bool {
            switch (left, right) {
            case (.host(let a), .host(let b)), (.owned(let a), .owned(let b)): return a == b
            case (.pipe(let a, let x), .pipe(let b, let y)): return a == b && x === y
            case (.listing(let a, let x), .listing(let b, let y)): return a == b && x === y
            default: return false
            }
        }
    }

    private var entries: [Int: Entry] = [0: .host(.standardInput), 1: .host(.standardOutput), 2: .host(.standardError)]
    /// The page-cache names of the regular files behind the entries' host descriptors (nil for
    /// anything else), learned at first use. An open file keeps its name, so an answer holds
    /// until its descriptor is closed (`release`).
    private var identities: [HostDescriptor: FileIdentity?] = [:]
    /// Linux's POSIX record locks belong to the descriptor table (the process): every fcntl lock the
    /// table holds on a file is held through this one host open file description of it
    /// (`RecordLocks`), so they never stand in each other's way, another table's do, and all go when
    /// any descriptor of the file closes.
    private var lockOwners: [FileIdentity: HostDescriptor] = [:]

    deinit {
        for entry in entries.values { release(entry) }
        for owner in lockOwners.values { owner.close() }
    }

    /// The entry for guest descriptor `fd`, or nil when it is not open (`-EBADF`).
    subscript(fd: Int64) -> Entry? {
        guard fd >= 0, fd < Int64(FileTable.limit) else { return nil }
        return entries[Int(fd)]
    }

    /// Closes guest descriptor `fd`. Returns false when `fd` was not open.
    func close(_ fd: Int64) -> Bool {
        guard let entry = self[fd] else { return false }
        entries[Int(fd)] = nil
        release(entry)
        return true
    }

    /// Makes `fd` refer to `entry`, closing what it referred to. Precondition: `fd` is in range.
    func install(_ entry: Entry, at fd: Int) {
        precondition(fd >= 0 && fd < FileTable.limit, "descriptor out of range")
        if let old = entries[fd], old != entry { release(old) }
        entries[fd] = entry
    }

    /// Puts `entry` at the lowest free descriptor not below `lowest` and returns it, or nil when
    /// the table is full (the caller releases the entry and returns `-EMFILE`).
    func allocate(_ entry: Entry, lowest: Int = 0) -> Int? {
        guard let fd = (max(0, lowest)..<FileTable.limit).first(where: { entries[$0] == nil }) else { return nil }
        entries[fd] = entry
        return fd
    }

    /// A second entry for the same open file: a new host descriptor for owned ones (so each entry
    /// can be closed alone), the same stream for tinyrv's. Fails with the host's errno.
    func duplicate(_ entry: Entry) -> HostResult<Entry> {
        switch entry {
        case .host:
            return .success(entry)
        case .owned(let fd):
            return fd.duplicate().map { .owned($0) }
        case .pipe(let fd, let end):
            return fd.duplicate().map { .pipe($0, end) }
        case .listing(let fd, let listing):
            return fd.duplicate().map { .listing($0, listing) }
        }
    }

    /// fork's copy: every descriptor refers to the same open file (a duplicated host
    /// descriptor). Nil when the host runs out of descriptors (nothing stays open then).
    func copy() -> FileTable? {
        let table = FileTable()
        table.entries = [:]
        for (fd, entry) in entries {
            switch duplicate(entry) {
            case .success(let copy): table.entries[fd] = copy
            case .failure: return nil
            }
        }
        return table
    }

    /// Closes every descriptor (a process's exit).
    func closeAll() {
        for entry in entries.values { release(entry) }
        entries.removeAll()
    }

    /// The host descriptor through which this table's record locks on the file behind `host` are
    /// held: one per regular file, reopened read-write (read-only when the host refuses writing)
    /// at first use; `host` itself for anything else. Fails with the host's errno.
    func lockOwner(for host: HostDescriptor) -> HostResult<HostDescriptor> {
        guard let identity = fileIdentity(of: host) else { return .success(host) }
        if let owner = lockOwners[identity] { return .success(owner) }
        var opened = Host.open(host.procPath, flags: .readWrite)
        if case .failure = opened { opened = Host.open(host.procPath, flags: .readOnly) }
        if case .success(let owner) = opened { lockOwners[identity] = owner }
        return opened
    }

    /// The page-cache name of the regular file behind `host`, the host descriptor of one of this
    /// table's entries; nil for anything that is not a regular file.
    func fileIdentity(of host: HostDescriptor) -> FileIdentity? {
        if let known = identities[host] { return known }
        let identity = FileTable.fileIdentity(of: host)
        identities[host] = identity
        return identity
    }

    /// The page-cache name of the regular file behind any host descriptor, asked of the host.
    static func fileIdentity(of host: HostDescriptor) -> FileIdentity? {
        guard case .success(let status) = host.status(), status.type == .regular else { return nil }
        return FileIdentity(device: status.device, inode: status.inode)
    }

    /// The open descriptors, in order.
    var openDescriptors: [Int] { entries.keys.sorted() }

    /// Closes `entry`'s host descriptor; the table's record locks on its file go with it.
    private func release(_ entry: Entry) {
        switch entry {
        case .host: break
        case .owned(let fd), .pipe(let fd, _), .listing(let fd, _):
            if !lockOwners.isEmpty, let identity = fileIdentity(of: fd), let owner = lockOwners.removeValue(forKey: identity) {
                owner.close()
            }
            identities[fd] = nil
            fd.close()
        }
    }
}
