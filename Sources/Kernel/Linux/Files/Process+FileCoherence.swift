/// The file calls' side of the page cache's coherence (`AddressSpace+FileCoherence`): a read
/// returns the cached pages' bytes and a write or truncation reaches them. While the page cache
/// holds pages of some file, a descriptor's first read or write asks the host which file it is
/// (one fstat, remembered by the file table); a transfer into a cached file also asks its offset.
extension Process {
    /// The page-cache name of the regular file behind `host` (the host descriptor of one of the
    /// process's entries) when some page of it is cached; nil when there is nothing to keep coherent.
    func cachedFile(behind host: HostDescriptor) -> FileIdentity? {
        let cache = addressSpace.frames.pageCache
        guard cache.count > 0, let file = files.fileIdentity(of: host) else { return nil }
        return cache.holdsPages(of: file) ? file : nil
    }

    /// `bytes`, just read from `file` through `host` at `offset` (nil: ending at the descriptor's
    /// offset now, as after read(2)), with the cached pages' bytes over them.
    func readThroughCache(_ bytes: [UInt8], from file: FileIdentity?, host: HostDescriptor, at offset: Int64? = nil) -> [UInt8] {
        guard let file, !bytes.isEmpty, let start = startOffset(of: bytes.count, host: host, given: offset) else { return bytes }
        var merged = bytes
        addressSpace.overlayCachedPages(of: file, onto: &merged, at: start)
        return merged
    }

    /// Copies `bytes`, just written to `file` through `host` at `offset` (nil: ending at the
    /// descriptor's offset now, as after write(2), also with O_APPEND), into the cached pages.
    func writeThroughCache(_ bytes: ArraySlice<UInt8>, to file: FileIdentity?, host: HostDescriptor, at offset: Int64? = nil) {
        guard let file, !bytes.isEmpty, let start = startOffset(of: bytes.count, host: host, given: offset) else { return }
        addressSpace.updateCachedPages(of: file, with: bytes, at: start)
    }

    /// Zeroes the cached bytes of the file behind `host` (any host descriptor) past `size`, after
    /// the host truncated it.
    func truncateCache(behind host: HostDescriptor, to size: Int64) {
        let cache = addressSpace.frames.pageCache
        guard cache.count > 0, size >= 0, let file = FileTable.fileIdentity(of: host), cache.holdsPages(of: file) else { return }
        addressSpace.truncateCachedPages(of: file, to: UInt64(size))
    }

    /// The file offset where `count` bytes just moved through `host` began: `offset` when given,
    /// else the descriptor's offset now less `count`.
    private func startOffset(of count: Int, host: HostDescriptor, given offset: Int64?) -> UInt64? {
        if let offset { return offset >= 0 ? UInt64(offset) : nil }
        guard case .success(let end) = host.seek(to: 0, from: .current), end >= Int64(count) else { return nil }
        return UInt64(end - Int64(count))
    }
}
