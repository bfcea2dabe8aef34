/// The directories of /proc that tinyrv makes: `/proc` (`self`, a directory per live process,
/// the machine's files), `/proc/self` and `/proc/<pid>` (their generated files, `exe`, `fd`), and
/// `fd` (the open descriptors). Opening one gives a `DirectoryListing` that getdents64 reads; stat
/// sees an empty directory. A listing is a snapshot taken at its first read (so `fd` lists the
/// descriptor being read, as Linux does).
final class DirectoryListing {
    /// linux_dirent64's d_type values.
    static let directory: UInt8 = 4, regular: UInt8 = 8, symbolicLink: UInt8 = 10

    private var produce: (() -> [(name: String, type: UInt8)])?
    private var snapshot: [(name: String, type: UInt8)] = []
    /// The index of the next name to list (d_off of the last one listed); lseek sets it.
    var position = 0
    /// The directory's guest path (`/proc/101/fd`), which its descriptor's /proc/self/fd link names.
    let path: String

    init(path: String, _ produce: @escaping () -> [(name: String, type: UInt8)]) {
        self.path = path
        self.produce = produce
    }

    /// The names, `.` and `..` first, taken at the first call.
    var names: [(name: String, type: UInt8)] {
        if let produce {
            snapshot = [(".", DirectoryListing.directory), ("..", DirectoryListing.directory)] + produce()
            self.produce = nil
        }
        return snapshot
    }

    /// The next linux_dirent64 records from `position` that fit in `capacity` bytes (each is
    /// d_ino, d_off, d_reclen, d_type and the name with its NUL, padded to 8 bytes), moving
    /// `position` past them; empty at the end. `-EINVAL` when the next record alone does not fit.
    func nextRecords(capacity: Int) -> Result<[UInt8], Errno> {
        var bytes: [UInt8] = []
        let names = self.names
        while position < names.count {
            let (name, type) = names[position]
            let length = (19 + name.utf8.count + 1 + 7) & ~7
            guard bytes.count + length <= capacity else { return bytes.isEmpty ? .failure(.EINVAL) : .success(bytes) }
            var record = GuestBytes.words(UInt64(position + 1), UInt64(position + 1))
            record += [UInt8(length & 0xff), UInt8(length >> 8), type] + Array(name.utf8)
            record += [UInt8](repeating: 0, count: length - record.count)
            bytes += record
            position += 1
        }
        return .success(bytes)
    }
}

extension Process {
    /// The listing of the /proc directory that guest `path` (looked up from `base`) names, or nil
    /// when it names none (the sandbox then looks it up).
    func procDirectoryListing(_ path: String, from base: LookupBase) -> DirectoryListing? {
        let components = normalizedGuestPath(path, from: base).split(separator: "/").map(String.init)
        guard components.first == "proc" else { return nil }
        if components.count == 1 {
            return DirectoryListing(path: "/proc") { [weak self] in
                let pids = (self?.scheduler?.liveProcesses.map(\.family.pid) ?? self.map { [$0.family.pid] } ?? []).sorted()
                return [("self", DirectoryListing.symbolicLink)] + pids.map { (String($0), DirectoryListing.directory) }
                    + ProcSystemFiles.names.sorted().map { ($0, DirectoryListing.regular) }
            }
        }
        guard let owner = procOwner(components[1]) else { return nil }
        if components.count == 2 {
            return DirectoryListing(path: "/proc/\(owner.family.pid)") {
                Process.generatedProcNames.map { ($0, DirectoryListing.regular) }
                    + [("exe", DirectoryListing.symbolicLink), ("fd", DirectoryListing.directory)]
            }
        }
        guard components.count == 3, components[2] == "fd" else { return nil }
        return DirectoryListing(path: "/proc/\(owner.family.pid)/fd") { [weak owner] in
            owner?.files.openDescriptors.map { (String($0), DirectoryListing.symbolicLink) } ?? []
        }
    }

    /// The process that `/proc/<component>` names: this one for `self` or its pid, another live one by pid.
    private func procOwner(_ component: String) -> Process? {
        if component == "self" || component == String(family.pid) { return self }
        guard let pid = Int64(component) else { return nil }
        return scheduler?.processes[pid].flatMap { $0.family.waitStatus == nil ? $0 : nil }
    }
}
