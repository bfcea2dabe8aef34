/// The files of `/proc/self` (also `/proc/<pid>`) that programs read, made by the kernel as Linux
/// formats them: `maps` (the regions), `auxv` (the auxiliary vector of the initial stack), `stat`,
/// `status`, `cmdline` and the rest of `ProcProcessFiles`, `exe` (the program) and `fd/N` (the
/// guest's descriptors), which Linux's `/dev/fd/N`, `/dev/stdin`, `/dev/stdout` and `/dev/stderr`
/// link to (bash's process substitution opens `/dev/fd/63`); the generated files of other
/// processes' `/proc/<pid>/` and the machine's (`ProcSystemFiles`). Everything else under /proc
/// is looked up in the sandbox as usual (normally: not there).
///
/// A generated file is an unnamed host file holding a snapshot taken at open, so read, lseek and fstat work
/// on it as on any file.
extension Process {
    /// Linux's symlinks in /dev into /proc/self/fd, and their text.
    static let deviceLinks: [String: String] = [
        "/dev/fd": "/proc/self/fd", "/dev/stdin": "/proc/self/fd/0",
        "/dev/stdout": "/proc/self/fd/1", "/dev/stderr": "/proc/self/fd/2",
    ]

    /// Guest `path` looked up from `base` as an absolute path without `.` and `..`, with a leading
    /// /dev link (`deviceLinks`) replaced by its target.
    func normalizedGuestPath(_ path: String, from base: LookupBase) -> String {
        let normalized = fileSystem.lexicalPath(path, from: base)
        for (link, target) in Process.deviceLinks where normalized == link || normalized.hasPrefix(link + "/") {
            return target + normalized.dropFirst(link.count)
        }
        return normalized
    }

    /// The `/proc/self` file that guest `path` (looked up from `base`) names: its part after
    /// `/proc/self/` (`fd/N` also for `/dev/fd/N` and `/dev/stdin`...), or nil when it names none.
    func procSelfEntry(_ path: String, from base: LookupBase) -> String? {
        let components = normalizedGuestPath(path, from: base).split(separator: "/")
        guard components.count >= 3, components[0] == "proc",
              components[1] == "self" || components[1] == Substring(String(family.pid)) else { return nil }
        return components[2...].joined(separator: "/")
    }

    /// The open descriptor that the `/proc/self` entry `fd/N` names, or nil.
    func descriptorEntry(_ entry: String) -> FileTable.Entry? {
        guard entry.hasPrefix("fd/"), let number = Int64(entry.dropFirst(3)) else { return nil }
        return files[number]
    }

    /// Opens the generated file `entry` (from `procSelfEntry`) read-only: a host descriptor or the
    /// errno (EACCES for a request to write, ENOENT for a file tinyrv does not make), or nil
    /// when `entry` is not one of them. `fd/N` reopens the descriptor's file itself (as Linux's magic
    /// link, even when renamed or deleted), for writing only as `mayReopenForWriting` allows (else `-EACCES`).
    func openProcFile(_ entry: String, wantsWrite: Bool) -> HostResult<HostDescriptor>? {
        if entry == "exe" {
            guard !wantsWrite else { return .failure(.EACCES) }
            return Host.open(fileSystem.executablePath, flags: .readOnly)
        }
        if let contents = generatedProcContents(entry) {
            guard !wantsWrite else { return .failure(.EACCES) }
            return Process.memoryFile(contents)
        }
        guard let open = descriptorEntry(entry) else { return nil }
        guard !wantsWrite || mayReopenForWriting(entry) else { return .failure(.EACCES) }
        return Host.open(open.hostDescriptor.procPath, flags: wantsWrite ? .readWrite : .readOnly)
    }

    /// The contents of a /proc file that is not one of this process's own (`procSelfEntry`): a
    /// machine-wide file (`ProcSystemFiles`) or a generated file of another process's
    /// `/proc/<pid>/`; nil for any other path, which the sandbox then looks up.
    func otherProcFileContents(_ path: String, from base: LookupBase) -> [UInt8]? {
        let components = normalizedGuestPath(path, from: base).split(separator: "/").map(String.init)
        guard components.first == "proc" else { return nil }
        if components.count == 2 { return ProcSystemFiles.contents(components[1], for: self) }
        guard components.count == 3, let pid = Int64(components[1]), let other = scheduler?.processes[pid] else { return nil }
        return other.generatedProcContents(components[2])
    }

    /// The host descriptor of tinyrv's own stream (0-2 or a copy) that `fd/N` names, or nil. Opening it
    /// again gives the same stream, never a new open file: a reopen must not let the guest truncate,
    /// re-time or write at offsets the host file behind the stream (`fileChangingDescriptor`).
    func inheritedStream(_ entry: String) -> HostDescriptor? {
        guard case .host(let fd) = descriptorEntry(entry) else { return nil }
        return fd
    }

    /// True when host descriptor `fd` is open for writing.
    static func isOpenForWriting(_ fd: HostDescriptor) -> Bool {
        (try? fd.statusFlags().get())?.allowsWriting ?? false
    }

    /// Whether `fd/N` may be reopened for writing: only with `--fs-write`, and never for the
    /// inherited streams 0-2 (and their copies), which are written as streams only.
    func mayReopenForWriting(_ entry: String) -> Bool {
        guard fileSystem.allowWrites, let open = descriptorEntry(entry) else { return false }
        if case .host = open { return false }
        return true
    }

    /// The path that `fd/N` links to: the host path of its host descriptor (`/proc/self/fd/N` of
    /// the host), or the guest path of a /proc directory; nil when `entry` is not `fd/N` of an open
    /// guest descriptor.
    func descriptorLinkTarget(_ entry: String) -> String? {
        guard let open = descriptorEntry(entry) else { return nil }
        if case .listing(_, let listing) = open { return listing.path }
        return open.hostDescriptor.hostPath ?? ""
    }

    /// `/proc/self/maps`: one line per region in address order, as Linux prints a VMA:
    /// `start-end perms offset major:minor inode`, then the name at column 73 (the file, `[heap]`,
    /// `[stack]`). Program segments show offset, device and inode 0.
    var memoryMapText: String {
        var text = ""
        for region in addressSpace.regions where region.pageEnd > region.start {
            let p = region.permissions
            let perms = (p.contains(.read) ? "r" : "-") + (p.contains(.write) ? "w" : "-")
                + (p.contains(.execute) ? "x" : "-") + (region.sharesPages ? "s" : "p")
            let backing = region.backing
            let device = backing?.file.device ?? 0
            var line = "\(Process.paddedHex(region.start))-\(Process.paddedHex(region.pageEnd)) \(perms) "
                + "\(Process.paddedHex(backing?.offset ?? 0)) "
                + "\(Process.twoHex((device >> 8) & 0xfff)):\(Process.twoHex((device & 0xff) | ((device >> 12) & 0xfff00))) "
                + "\(backing?.file.inode ?? 0) "
            let name = region.name ?? (region.kind == .heap ? "[heap]" : region.kind == .stack ? "[stack]" : nil)
            if let name {
                line += String(repeating: " ", count: max(0, 73 - line.count)) + name
            }
            text += line + "\n"
        }
        return text
    }

    /// At least 8 lowercase hex digits, as `%08lx`.
    static func paddedHex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// At least 2 lowercase hex digits, as `%02x`.
    static func twoHex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }

    /// An unnamed host file (O_TMPFILE) holding `contents`, positioned at its start, or the errno
    /// (EIO when not all of `contents` could be written).
    static func memoryFile(_ contents: [UInt8]) -> HostResult<HostDescriptor> {
        Host.open("/tmp", flags: [.temporaryFile, .readWrite], mode: 0o600).flatMap { fd in
            guard case .success(contents.count) = fd.writeAll(contents) else {
                fd.close()
                return .failure(.EIO)
            }
            _ = fd.seek(to: 0, from: .start)
            return .success(fd)
        }
    }
}
