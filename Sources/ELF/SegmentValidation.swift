/// Checks of PT_LOAD (and PT_TLS) program headers: each must be loadable on its own, and the loadable
/// ones must not overlap. Segment numbers in errors are program header indices.
enum SegmentValidation {
    /// Requires the segment's file bytes to lie inside the file and to fit in its memory size. These are
    /// the checks needed before the bytes can be copied out, applied to PT_LOAD and PT_TLS.
    static func checkContents(_ phdr: RawProgramHeader, index: Int, fileSize: UInt64) throws(ELFError) {
        let (fileEnd, overflow) = phdr.offset.addingReportingOverflow(phdr.fileSize)
        guard !overflow, fileEnd <= fileSize else { throw .segmentOutsideFile(index) }
        guard phdr.fileSize <= phdr.memorySize else {
            throw .fileSizeExceedsMemorySize(segment: index, fileSize: phdr.fileSize, memorySize: phdr.memorySize)
        }
    }

    /// Requires a PT_LOAD segment's size and address ranges to be sane: memory size at most
    /// `ELFFile.maximumSegmentSize`, virtual and physical ranges that do not overflow, and a virtual
    /// range that ends at or below `ELFFile.addressSpaceLimit`.
    static func checkPlacement(_ phdr: RawProgramHeader, index: Int) throws(ELFError) {
        guard phdr.memorySize <= ELFFile.maximumSegmentSize else {
            throw .absurdSize(segment: index, memorySize: phdr.memorySize)
        }
        let (virtualEnd, virtualOverflow) = phdr.virtualAddress.addingReportingOverflow(phdr.memorySize)
        guard !virtualOverflow else {
            throw .addressOverflow(segment: index, address: phdr.virtualAddress, memorySize: phdr.memorySize)
        }
        let (_, physicalOverflow) = phdr.physicalAddress.addingReportingOverflow(phdr.memorySize)
        guard !physicalOverflow else {
            throw .addressOverflow(segment: index, address: phdr.physicalAddress, memorySize: phdr.memorySize)
        }
        guard virtualEnd <= ELFFile.addressSpaceLimit else {
            throw .beyondAddressSpace(segment: index, end: virtualEnd)
        }
    }

    /// Requires the virtual ranges of the given PT_LOAD segments (program header index, header) to be
    /// pairwise disjoint. Empty segments occupy no addresses. Ranges must already be overflow-free.
    static func checkDisjoint(_ loads: [(index: Int, phdr: RawProgramHeader)]) throws(ELFError) {
        let occupied = loads.filter { $0.phdr.memorySize > 0 }
            .sorted { ($0.phdr.virtualAddress, $0.index) < ($1.phdr.virtualAddress, $1.index) }
        for (lower, upper) in zip(occupied, occupied.dropFirst())
        where lower.phdr.virtualAddress + lower.phdr.memorySize > upper.phdr.virtualAddress {
            throw .overlappingSegments(min(lower.index, upper.index), max(lower.index, upper.index))
        }
    }
}
