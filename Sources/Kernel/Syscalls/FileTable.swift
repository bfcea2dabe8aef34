/// The process's file descriptors. fd 0, 1 and 2 are the host's stdin, stdout and stderr.
///
/// Each entry says what backs the descriptor; later kinds (sandboxed host files, directories) add
/// cases here and their syscalls in their own files.
final class FileTable {
    enum Entry: Equatable {
        /// A host descriptor used as is; output through it is written at once, unbuffered.
        case host(Int32)
        /// A file or directory opened through the sandbox (Files/), with the descriptor's FD_CLOEXEC.
        case file(OpenFile, closeOnExec: Bool)
    }

    private var entries: [Int: Entry] = [0: .host(0), 1: .host(1), 2: .host(2)]

    /// The entry for guest descriptor `fd`, or nil when it is not open (`-EBADF`).
    subscript(fd: Int64) -> Entry? {
        guard fd >= 0, fd <= Int64(Int32.max) else { return nil }
        return entries[Int(fd)]
    }

    /// Closes guest descriptor `fd`; the host descriptor behind it stays open (tinyrv's own stdio),
    /// except that a sandboxed file's closes with its last guest descriptor (`OpenFile`).
    /// Returns false when `fd` was not open.
    func close(_ fd: Int64) -> Bool {
        guard self[fd] != nil else { return false }
        entries[Int(fd)] = nil
        return true
    }

    /// Makes `fd` refer to `entry`, replacing what it referred to.
    func install(_ entry: Entry, at fd: Int) {
        precondition(fd >= 0, "negative descriptor")
        entries[fd] = entry
    }

    /// The lowest descriptor `>= minimum` that is not open.
    func lowestFree(from minimum: Int) -> Int {
        var fd = minimum
        while entries[fd] != nil { fd += 1 }
        return fd
    }
}
