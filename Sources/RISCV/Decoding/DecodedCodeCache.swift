import Glibc

/// Predecoded instructions, indexed by physical page.
///
/// A table with one entry per RAM page points to a lazily allocated array of 2048 slots, one per
/// 2-byte offset of the page, followed by a `.pageEnd` sentinel that stops sequential execution at
/// the end of the page. A slot starts `.undecoded` and is decoded, with the rest of its block, on
/// first execution (`Hart.resolveSlot`). Stores do not update slots: as the ISA allows, code written by stores is
/// seen after `fence.i` (`invalidateAll`) or after the host invalidates the page.
final class DecodedCodeCache {
    static let slotsPerPage = Int(PhysicalMemory.pageSize / 2)

    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<DecodedInstruction>?>
    private let pageCount: Int
    /// Indices of allocated pages (may hold stale or repeated indices; `pages` is the truth).
    private var allocated: [Int] = []
    /// A page of undecoded slots that is never written, used when no page is current.
    let emptyPage: UnsafeMutablePointer<DecodedInstruction>
    /// One slot that holds the instruction a page straddler decodes to, for the loop to execute
    /// (the straddler's own slot stays `.pageStraddle`), followed by two `.pageEnd` sentinels.
    let straddlerSlot: UnsafeMutablePointer<DecodedInstruction>

    init(pageCount: Int) {
        self.pageCount = pageCount
        // calloc: the table's host pages stay uncommitted until a code page in their range runs,
        // so a large guest RAM costs nothing here (a nil pointer is all-zero bits).
        let table = calloc(pageCount, MemoryLayout<UnsafeMutablePointer<DecodedInstruction>?>.stride)!
        pages = table.bindMemory(to: UnsafeMutablePointer<DecodedInstruction>?.self, capacity: pageCount)
        emptyPage = DecodedCodeCache.allocatePage()
        straddlerSlot = .allocate(capacity: 3)
        straddlerSlot.initialize(repeating: .pageEnd, count: 3)
        straddlerSlot.pointee = .undecoded
    }

    /// A page of undecoded slots and its `.pageEnd` sentinel.
    private static func allocatePage() -> UnsafeMutablePointer<DecodedInstruction> {
        let page = UnsafeMutablePointer<DecodedInstruction>.allocate(capacity: slotsPerPage + 1)
        page.initialize(repeating: .undecoded, count: slotsPerPage)
        (page + slotsPerPage).initialize(to: .pageEnd)
        return page
    }

    func deallocate() {
        invalidateAll()
        free(pages)
        emptyPage.deallocate()
        straddlerSlot.deallocate()
    }

    /// The slots of RAM page `pageIndex`, allocating undecoded ones on first use.
    func slots(pageIndex: Int) -> UnsafeMutablePointer<DecodedInstruction> {
        precondition(pageIndex >= 0 && pageIndex < pageCount, "code page outside RAM")
        if let page = pages[pageIndex] { return page }
        let page = DecodedCodeCache.allocatePage()
        pages[pageIndex] = page
        allocated.append(pageIndex)
        return page
    }

    /// Drops the slots of one page.
    func invalidate(pageIndex: Int) {
        precondition(pageIndex >= 0 && pageIndex < pageCount, "code page outside RAM")
        if let page = pages[pageIndex] {
            page.deallocate()
            pages[pageIndex] = nil
        }
    }

    /// Drops every page's slots.
    func invalidateAll() {
        for index in allocated { invalidate(pageIndex: index) }
        allocated.removeAll(keepingCapacity: true)
    }
}
