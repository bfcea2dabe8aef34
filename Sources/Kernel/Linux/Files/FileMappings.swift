/// The file side of mmap (the backing store of a new region), mprotect's check for shared mappings,
/// and msync.
enum FileMappings {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(227, "msync", [.hex, .decimal, .hex], msync),
    ]

    /// msync's MS_ASYNC, MS_INVALIDATE and MS_SYNC.
    static let validSyncFlags: UInt64 = 1 | 2 | 4
    /// /dev/zero's device number (major 1, minor 5): mapping it gives anonymous memory.
    static let zeroDevice: UInt64 = 0x105

    /// What `mmap(..., fd, offset)` maps with `prot` and `flags`: a file backing, or nil for anonymous
    /// memory (/dev/zero). Fails as Linux does: `-EBADF` for a descriptor that is not open,
    /// `-EINVAL` for an offset that is not page-aligned or overflows with `length`, `-ENODEV` for
    /// anything but a regular file or /dev/zero, `-EACCES` for a file not open for reading, or a
    /// MAP_SHARED mapping with PROT_WRITE of a file not open for writing (without `--fs-write` no
    /// file is; the inherited streams 0-2 never are, whatever the shell opened them with).
    static func backing(_ process: Process, descriptor: UInt64, offset: UInt64, length: UInt64, prot: UInt64,
                        shared: Bool) -> Result<FileBacking?, Errno> {
        guard offset % PageTable.pageSize == 0, offset <= UInt64(Int64.max) - length else { return .failure(.EINVAL) }
        guard let entry = process.files[Process.descriptor(descriptor)] else { return .failure(.EBADF) }
        let status: HostFileStatus
        switch entry.hostDescriptor.status() {
        case .success(let found): status = found
        case .failure(let error): return .failure(error)
        }
        if status.type == .characterDevice, status.specialDevice == zeroDevice { return .success(nil) }
        guard status.type == .regular else { return .failure(.ENODEV) }
        let mode = entry.hostDescriptor.statusFlags().map(\.accessMode)
        guard mode != .success(.writeOnly) else { return .failure(.EACCES) }
        let inheritedStream: Bool
        if case .host = entry { inheritedStream = true } else { inheritedStream = false }
        let writable = mode == .success(.readWrite) && !inheritedStream
        if shared, prot & MappingSyscalls.protWrite != 0, !writable { return .failure(.EACCES) }
        return entry.hostDescriptor.duplicate().map { copy -> FileBacking? in
            let file = MappedFile(hostDescriptor: copy, path: copy.hostPath ?? "", device: status.device,
                                  inode: status.inode, writable: writable)
            return FileBacking(file: file, offset: offset, shared: shared)
        }
    }

    /// `-EACCES` when `[start, end)` holds a MAP_SHARED mapping of a file not open for writing and
    /// `prot` asks for PROT_WRITE (mprotect), else nil.
    static func protectionError(_ process: Process, from start: UInt64, to end: UInt64, prot: UInt64) -> Errno? {
        guard prot & MappingSyscalls.protWrite != 0 else { return nil }
        let denied = process.addressSpace.regions.contains {
            $0.start < end && start < $0.pageEnd && $0.backing.map { $0.shared && !$0.file.writable } == true
        }
        return denied ? .EACCES : nil
    }

    /// msync(addr, length, flags): writes the MAP_SHARED pages of the range back to their files.
    /// `-EINVAL` for an unaligned address, unknown flags or MS_SYNC with MS_ASYNC; `-ENOMEM` when a
    /// page of the range is in no region; `-EIO` when the host refuses a write.
    static func msync(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let (start, flags) = (a[0], a[2])
        guard start % PageTable.pageSize == 0, flags & ~validSyncFlags == 0, flags & 5 != 5,
              a[1] <= PageTable.userLimit, start <= PageTable.userLimit - MemRegion.roundUp(a[1]) else { return .error(.EINVAL) }
        let end = start + MemRegion.roundUp(a[1])
        var cursor = start
        while cursor < end {
            guard let (_, region) = process.addressSpace.region(containing: cursor) else { return .error(.ENOMEM) }
            cursor = region.pageEnd
        }
        return process.addressSpace.writeBackSharedPages(from: start, to: end) ? .value(0) : .error(.EIO)
    }
}
