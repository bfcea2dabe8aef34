/// The pages of an anonymous MAP_SHARED mapping (Linux's shmem object behind it): one frame per page
/// index, which every region made from the mapping maps (its pieces after a split or a move, the
/// child's copy after fork), so that all of them see each other's writes, also to pages first
/// touched after the fork.
///
/// The object holds one reference to each of its frames, so a page keeps its contents while no
/// mapping maps it (after `MADV_DONTNEED`, or when the process that touched it exited); the frames
/// go back to the allocator when the last region drops the object.
public final class SharedMemory {
    let frames: FrameAllocator
    /// Frames by page index (offset in the object / page size).
    private var pages: [UInt64: UInt64] = [:]

    init(frames: FrameAllocator) {
        self.frames = frames
    }

    deinit {
        for frame in pages.values { frames.free(frame) }
    }

    /// The frame of the page at byte `offset` (page-aligned) and whether it was allocated (zeroed)
    /// now; nil when it was not there and RAM is exhausted.
    func frame(at offset: UInt64) -> (frame: UInt64, fresh: Bool)? {
        let index = offset / PageTable.pageSize
        if let frame = pages[index] { return (frame, false) }
        guard let frame = frames.allocate() else { return nil }
        pages[index] = frame
        return (frame, true)
    }

    /// Pages the object holds.
    public var pageCount: Int { pages.count }
}

/// The shared memory behind an anonymous MAP_SHARED region: the object and the byte offset in it of
/// the region's first page (kept in step with `start` by a split or a move, as a file offset is).
public struct SharedMemoryBacking: Equatable, Sendable {
    let object: SharedMemory
    var offset: UInt64

    public static func == (a: SharedMemoryBacking, b: SharedMemoryBacking) -> Bool {
        a.object === b.object && a.offset == b.offset
    }

    /// The byte offset in the object of the page at `page` in a region starting at `regionStart`.
    func objectOffset(ofPage page: UInt64, regionStart: UInt64) -> UInt64 { offset &+ (page - regionStart) }
}

extension SharedMemory: @unchecked Sendable {}
