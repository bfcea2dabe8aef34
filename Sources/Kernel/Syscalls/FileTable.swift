#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's file descriptors. fd 0, 1 and 2 are the host's stdin, stdout and stderr.
///
/// Every entry is backed by a host descriptor. tinyrv's own standard streams are shared and never
/// closed by the guest; descriptors opened for the guest (through `FileSandbox`, or by `dup`) are
/// owned: one host descriptor per entry, closed when the entry goes (close, replacement, or the
/// end of the process).
final class FileTable {
    /// The most descriptors a process may hold (`-EMFILE` beyond).
    static let limit = 1024

    enum Entry: Equatable {
        /// One of tinyrv's standard streams; output through it is written at once, unbuffered.
        case host(Int32)
        /// A host descriptor this table owns.
        case owned(Int32)

        /// The host descriptor to read, write or query.
        var hostDescriptor: Int32 {
            switch self {
            case .host(let fd), .owned(let fd): return fd
            }
        }
    }

    private var entries: [Int: Entry] = [0: .host(0), 1: .host(1), 2: .host(2)]

    deinit {
        for entry in entries.values { release(entry) }
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
    func duplicate(_ entry: Entry) -> Result<Entry, Errno> {
        guard case .owned(let fd) = entry else { return .success(entry) }
        let copy = dup(fd)
        guard copy >= 0 else { return .failure(.host) }
        return .success(.owned(copy))
    }

    private func release(_ entry: Entry) {
        if case .owned(let fd) = entry { _ = Glibc.close(fd) }
    }
}
