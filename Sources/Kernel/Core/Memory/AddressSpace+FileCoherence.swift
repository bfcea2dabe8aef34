/// Linux's one copy of a file page: while a page of a file is in the page cache (some mapping
/// holds it), that frame is the file's bytes. So the file calls keep it so: what write(2), pwrite
/// or writev put in the file is copied into its cached frames, what read(2) returns is the cached
/// frames' bytes (a MAP_SHARED store is seen before any msync), and ftruncate zeroes what lies
/// past the new end. Private copies (`AddressSpace.copyOnWrite`) have left the cache and keep
/// their bytes. The frames are the machine's, so every process's mappings see the change.
extension AddressSpace {
    /// Copies the cached bytes of `file` over `bytes`, which the host just read from the file at
    /// `offset`.
    public func overlayCachedPages(of file: FileIdentity, onto bytes: inout [UInt8], at offset: UInt64) {
        forEachCachedPiece(of: file, at: offset, count: bytes.count) { physical, index, length in
            bytes.replaceSubrange(index..<index + length, with: frames.memory.read(at: physical, length: length))
        }
    }

    /// Copies `bytes`, which the host just wrote to `file` at `offset`, into the file's cached
    /// pages, dropping their predecoded code.
    public func updateCachedPages(of file: FileIdentity, with bytes: ArraySlice<UInt8>, at offset: UInt64) {
        forEachCachedPiece(of: file, at: offset, count: bytes.count) { physical, index, length in
            let start = bytes.startIndex + index
            frames.memory.write(bytes[start..<start + length], at: physical)
            caches.invalidateDecodedCode(physicalPage: physical)
        }
    }

    /// Zeroes the cached bytes of `file` from `size` on, as the file reads after ftruncate to
    /// `size` (Linux zeroes the tail of the last page and drops the pages past it).
    public func truncateCachedPages(of file: FileIdentity, to size: UInt64) {
        for (offset, frame) in frames.pageCache.pages(of: file) where offset + PageTable.pageSize > size {
            let kept = size > offset ? size - offset : 0
            frames.memory.zero(at: frame + kept, length: PageTable.pageSize - kept)
            caches.invalidateDecodedCode(physicalPage: frame)
        }
    }

    /// Calls `body(physical, index, length)` for each run of `[offset, offset + count)` that a
    /// cached page of `file` holds: its physical address, its index in the range and its length.
    private func forEachCachedPiece(of file: FileIdentity, at offset: UInt64, count: Int,
                                    _ body: (UInt64, Int, Int) -> Void) {
        guard count > 0, frames.pageCache.holdsPages(of: file) else { return }
        let end = offset &+ UInt64(count)
        guard end > offset else { return }
        var page = offset & ~(PageTable.pageSize - 1)
        while page < end {
            if let frame = frames.pageCache.frame(holding: FilePage(file: file, offset: page)) {
                let start = max(page, offset)
                let stop = min(page + PageTable.pageSize, end)
                body(frame + (start - page), Int(start - offset), Int(stop - start))
            }
            page += PageTable.pageSize
        }
    }
}
