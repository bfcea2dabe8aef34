/// Places programs in the user address space (the loading part of the seed's process setup; the seed
/// loads one static image where it is linked).
///
/// - An ET_EXEC image loads where it is linked (bias 0).
/// - A position-independent main program (ET_DYN: a PIE, a static-pie, or the dynamic loader run as a
///   program) loads at `positionIndependentBase`, Linux's `ELF_ET_DYN_BASE` for Sv39 without address
///   randomization.
/// - The interpreter of a program with PT_INTERP loads at the mmap base: the highest free range below
///   the stack's guard gap, where anonymous mappings would go (`Process.mmapCeiling`).
///
/// Each PT_LOAD becomes one region, loaded eagerly, named after the image's file for /proc/self/maps.
enum ProgramLoader {
    /// Load base of a position-independent main program: 2/3 of the Sv39 user space, page-aligned.
    static let positionIndependentBase: UInt64 = 0x2A_AAAA_A000

    /// The page range `[low, high)` that the image's segments occupy, unbiased; nil when no segment
    /// occupies memory. Precondition: segment ranges do not overflow (the ELF module checks them).
    static func span(of image: ProgramImage) -> (low: UInt64, high: UInt64)? {
        let occupied = image.segments.filter { $0.memorySize > 0 }
        guard let low = occupied.map(\.virtualAddress).min(),
              let high = occupied.map({ $0.virtualAddress &+ $0.memorySize }).max() else { return nil }
        return (MemRegion.roundDown(low), MemRegion.roundUp(high))
    }

    /// The bias that puts the interpreter's lowest page at the top of the free range below `ceiling`
    /// and above `floor`. Throws `.noRoomForInterpreter` when no range is large enough.
    static func interpreterBias(_ image: ProgramImage, in space: AddressSpace, floor: UInt64,
                                ceiling: UInt64) throws(ProcessSetupError) -> UInt64 {
        guard let (low, high) = span(of: image) else { return 0 }
        let size = high - low
        guard size <= PageTable.userLimit, let start = space.highestFreeRange(size: size, floor: floor, ceiling: ceiling) else {
            throw .noRoomForInterpreter(size: size)
        }
        return start &- low
    }

    /// Loads every PT_LOAD of `image` at its address plus `bias` and returns the end of the highest
    /// (0 when none occupies memory). Throws for a segment outside user space, overlapping segments or
    /// another region, or RAM too small.
    static func load(_ image: ProgramImage, bias: UInt64, into space: AddressSpace) throws(ProcessSetupError) -> UInt64 {
        var highestEnd: UInt64 = 0
        for segment in image.segments where segment.memorySize > 0 {
            highestEnd = max(highestEnd, try load(segment, bias: bias, name: image.path, into: space))
        }
        return highestEnd
    }

    /// Adds one PT_LOAD segment, moved by `bias`, as a code or data region and copies its bytes in;
    /// bss stays zero. Executable segments become code (r-x); any writable one becomes data (rw-),
    /// even if it is also executable, because data is never executable; the rest are read-only data
    /// (r--). Returns the segment's end.
    private static func load(_ segment: ProgramImage.Segment, bias: UInt64, name: String,
                             into space: AddressSpace) throws(ProcessSetupError) -> UInt64 {
        let (start, startOverflow) = segment.virtualAddress.addingReportingOverflow(bias)
        let (end, overflow) = start.addingReportingOverflow(segment.memorySize)
        guard !startOverflow, !overflow, end <= Process.stackUpperBound else {
            throw .segmentOutsideUserSpace(virtualAddress: segment.virtualAddress &+ bias, memorySize: segment.memorySize)
        }
        let kind: MemRegion.Kind
        let permissions: MemoryPermissions
        if segment.permissions.contains(.write) {
            (kind, permissions) = (.data, [.read, .write])
        } else if segment.permissions.contains(.execute) {
            (kind, permissions) = (.code, [.read, .execute])
        } else {
            (kind, permissions) = (.data, [.read])
        }
        var region = MemRegion(kind: kind, start: MemRegion.roundDown(start), end: MemRegion.roundUp(end),
                               permissions: permissions)
        region.name = name.isEmpty ? nil : name
        guard case .success(let id) = space.map(region) else { throw .overlappingSegments(virtualAddress: start) }
        var page = region.start
        while page < region.end {
            guard space.populatePage(at: page, in: id) != nil else { throw .outOfMemory }
            page += PageTable.pageSize
        }
        try Process.write(segment.bytes, at: start, region: id, into: space)
        return end
    }
}
