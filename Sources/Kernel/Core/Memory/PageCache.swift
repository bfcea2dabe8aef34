/// A host file as the page cache names it: its device and inode numbers (`st_dev`, `st_ino`), the
/// same for every descriptor and every process that opens it.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
}

/// One page of a host file: the file and the page-aligned offset of the page in it.
public struct FilePage: Hashable, Sendable {
    public let file: FileIdentity
    public let offset: UInt64
}

/// The kernel's page cache: the frames that hold pages of host files, by file page, so that every
/// mapping of the same file page, in this process or another, maps the same frame until it writes
/// (Linux's page cache). write(2) and read(2) see the cached pages too (`AddressSpace+FileCoherence`).
///
/// The cache holds no reference of its own: a frame's reference count is the number of page tables
/// that map it, and the entry goes when the last mapping drops the frame (`FrameAllocator.free`) or
/// when a private mapping takes the frame as its own copy (`forget`). So the cache never holds a frame
/// no mapping uses (there is nothing to drop under frame pressure), and a file changed by write(2)
/// while no mapping held a page is read afresh at the next fault.
public final class PageCache {
    private var frames: [FilePage: UInt64] = [:]
    private var pages: [UInt64: FilePage] = [:]
    private var pageCounts: [FileIdentity: Int] = [:]

    /// The frame that holds `page`, or nil when no mapping holds it.
    public func frame(holding page: FilePage) -> UInt64? { frames[page] }

    /// True when `frame` holds a file page of the cache (so a private mapping must not write it).
    public func contains(frame: UInt64) -> Bool { !pages.isEmpty && pages[frame] != nil }

    /// File pages cached now.
    public var count: Int { frames.count }

    /// True when some page of `file` is cached.
    public func holdsPages(of file: FileIdentity) -> Bool { !pageCounts.isEmpty && pageCounts[file] != nil }

    /// The cached pages of `file`: their offsets in it and their frames, in no particular order.
    func pages(of file: FileIdentity) -> [(offset: UInt64, frame: UInt64)] {
        guard holdsPages(of: file) else { return [] }
        return frames.compactMap { page, frame in page.file == file ? (page.offset, frame) : nil }
    }

    /// Records that `frame` holds `page`. Precondition: neither is cached yet.
    func insert(_ frame: UInt64, holding page: FilePage) {
        precondition(frames[page] == nil && pages[frame] == nil, "file page or frame cached twice")
        frames[page] = frame
        pages[frame] = page
        pageCounts[page.file, default: 0] += 1
    }

    /// Drops `frame` from the cache, if it is there: its last mapping went, or a private mapping
    /// made it its own copy.
    func forget(frame: UInt64) {
        guard !pages.isEmpty, let page = pages.removeValue(forKey: frame) else { return }
        frames[page] = nil
        let left = pageCounts[page.file, default: 1] - 1
        pageCounts[page.file] = left > 0 ? left : nil
    }
}
