import RISCV

/// Hands out 4 KiB physical frames of guest RAM to page tables and user pages.
///
/// Seed counterpart: `pmem_alloc` (and `pmem_free`). Frames come first from a bump pointer over RAM
/// that was never handed out, then from a free list of returned frames. Every frame it returns is
/// zeroed. Exhaustion is a value (`nil`), never a crash; freeing a frame that is not allocated is a
/// kernel bug (precondition).
///
/// Frames have reference counts for copy-on-write fork: `allocate` hands out a frame with one
/// reference, `share` adds one, and `free` drops one, returning the frame to the pool only when the
/// last goes. Only counts above one are stored, so unshared RAM costs nothing. A frame that holds a
/// file page leaves the `pageCache` when its last reference goes.
public final class FrameAllocator {
    /// The page size of frames.
    public static let frameSize = PhysicalMemory.pageSize

    public let memory: PhysicalMemory
    /// Physical address of the first frame this allocator manages.
    public let firstFrame: UInt64
    /// How many frames it manages in all.
    public let capacity: Int
    /// Frames currently handed out.
    public private(set) var framesInUse = 0
    /// The largest `framesInUse` seen.
    public private(set) var peakFramesInUse = 0

    private var nextUntouched = 0
    private var freeList: [Int] = []
    private var allocated: [UInt64]
    /// References beyond the first, by frame index, for frames mapped more than once.
    private var extraReferences: [Int: UInt32] = [:]
    /// Times `share` was called (frames shared by fork and by the page cache), for `--stats`.
    public private(set) var shareCount = 0
    /// The file pages that frames hold, shared by every address space over these frames.
    public let pageCache = PageCache()

    /// Manages every frame of `memory`, or only the first `frameLimit` of them (tests use a limit to
    /// exercise exhaustion without a tiny RAM).
    public init(memory: PhysicalMemory, frameLimit: Int? = nil) {
        self.memory = memory
        self.firstFrame = memory.base
        let all = Int(memory.size / FrameAllocator.frameSize)
        self.capacity = min(all, frameLimit ?? all)
        self.allocated = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    /// Frames still available.
    public var framesFree: Int { capacity - framesInUse }

    /// Allocates one zeroed frame and returns its physical address, or `nil` when RAM is exhausted.
    public func allocate() -> UInt64? {
        let index: Int
        if let reused = freeList.popLast() {
            index = reused
        } else if nextUntouched < capacity {
            index = nextUntouched
            nextUntouched += 1
        } else {
            return nil
        }
        allocated[index >> 6] |= 1 << UInt64(index & 63)
        framesInUse += 1
        peakFramesInUse = max(peakFramesInUse, framesInUse)
        let address = firstFrame + UInt64(index) * FrameAllocator.frameSize
        memory.zero(at: address, length: FrameAllocator.frameSize)
        return address
    }

    /// Drops one reference to a frame, returning it to the allocator when it was the last one; true
    /// when it did. Precondition: `frame` came from `allocate()` and is not free. The caller must have
    /// dropped its mapping of the frame (and, for the last reference, its predecoded code) first.
    @discardableResult
    public func free(_ frame: UInt64) -> Bool {
        let index = self.index(of: frame)
        precondition(isAllocated(index), "freeing frame 0x\(String(frame, radix: 16)) that is not allocated")
        if !extraReferences.isEmpty, let extra = extraReferences[index] {
            extraReferences[index] = extra > 1 ? extra - 1 : nil
            return false
        }
        allocated[index >> 6] &= ~(1 << UInt64(index & 63))
        framesInUse -= 1
        freeList.append(index)
        pageCache.forget(frame: frame)
        return true
    }

    /// Adds a reference to an allocated frame (a second mapping of it). Precondition: allocated.
    public func share(_ frame: UInt64) {
        let index = self.index(of: frame)
        precondition(isAllocated(index), "sharing frame 0x\(String(frame, radix: 16)) that is not allocated")
        extraReferences[index, default: 0] += 1
        shareCount += 1
    }

    /// How many mappings hold `frame` (0 when it is free).
    public func referenceCount(of frame: UInt64) -> Int {
        guard isAllocated(frame: frame) else { return 0 }
        return extraReferences.isEmpty ? 1 : 1 + Int(extraReferences[index(of: frame)] ?? 0)
    }

    /// Frames currently held by more than one mapping.
    public var sharedFrames: Int { extraReferences.count }

    /// True when `frame` is currently handed out.
    public func isAllocated(frame: UInt64) -> Bool {
        guard frame >= firstFrame, (frame - firstFrame) % FrameAllocator.frameSize == 0 else { return false }
        let index = Int((frame - firstFrame) / FrameAllocator.frameSize)
        return index < capacity && isAllocated(index)
    }

    private func isAllocated(_ index: Int) -> Bool {
        allocated[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    private func index(of frame: UInt64) -> Int {
        precondition(frame >= firstFrame && (frame - firstFrame) % FrameAllocator.frameSize == 0,
                     "0x\(String(frame, radix: 16)) is not a frame address")
        let index = Int((frame - firstFrame) / FrameAllocator.frameSize)
        precondition(index < capacity, "frame 0x\(String(frame, radix: 16)) is outside the allocator")
        return index
    }
}
