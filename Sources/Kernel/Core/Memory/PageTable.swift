import RISCV

/// One Sv39 page-table entry, as stored in guest RAM.
public struct PageTableEntry: Equatable, Sendable {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let valid: UInt64 = 1 << 0
    public static let readable: UInt64 = 1 << 1
    public static let writable: UInt64 = 1 << 2
    public static let executable: UInt64 = 1 << 3
    public static let user: UInt64 = 1 << 4
    public static let accessed: UInt64 = 1 << 6
    public static let dirty: UInt64 = 1 << 7

    public var isValid: Bool { rawValue & PageTableEntry.valid != 0 }
    /// A valid entry with any of R/W/X set maps a page; one with none points to the next table.
    public var isLeaf: Bool { rawValue & (PageTableEntry.readable | PageTableEntry.writable | PageTableEntry.executable) != 0 }
    /// The physical address the entry points to (frame or next-level table).
    public var physicalAddress: UInt64 { ((rawValue >> 10) & ((1 << 44) - 1)) << 12 }
    /// The user permissions of a leaf.
    public var permissions: MemoryPermissions {
        var p: MemoryPermissions = []
        if rawValue & PageTableEntry.readable != 0 { p.insert(.read) }
        if rawValue & PageTableEntry.writable != 0 { p.insert(.write) }
        if rawValue & PageTableEntry.executable != 0 { p.insert(.execute) }
        return p
    }
    public var isUser: Bool { rawValue & PageTableEntry.user != 0 }

    /// A user leaf for `frame` with `permissions`, A and D preset (so the hart need not set them).
    static func leaf(frame: UInt64, permissions: MemoryPermissions) -> PageTableEntry {
        var raw = (frame >> 12) << 10 | valid | user | accessed | dirty
        if permissions.contains(.read) { raw |= readable }
        if permissions.contains(.write) { raw |= writable }
        if permissions.contains(.execute) { raw |= executable }
        return PageTableEntry(rawValue: raw)
    }

    /// A pointer to a next-level table at `frame`.
    static func table(frame: UInt64) -> PageTableEntry {
        PageTableEntry(rawValue: (frame >> 12) << 10 | valid)
    }
}

/// A Sv39 page table built in guest RAM, which the hart walks.
///
/// Seed counterpart: `vpmap_map` is `map`; unmap and lookup complete it. Every table (root and
/// intermediate) is a frame from the `FrameAllocator`; intermediate tables are kept for the life
/// of the table. `unmap` does not free the page's frame: it returns it to the caller, who frees it.
/// This type does not touch the TLB; `AddressSpace` flushes after every unmap.
public final class PageTable {
    /// The lowest address above the user half of Sv39 (bit 38 set means the kernel half).
    public static let userLimit: UInt64 = 1 << 38
    public static let pageSize: UInt64 = PhysicalMemory.pageSize

    public let memory: PhysicalMemory
    public let frames: FrameAllocator
    /// Physical address of the root table.
    public let root: UInt64

    /// Allocates the root table. Returns nil when no frame is left.
    public init?(frames: FrameAllocator) {
        guard let root = frames.allocate() else { return nil }
        self.memory = frames.memory
        self.frames = frames
        self.root = root
    }

    /// The satp value that selects this table in Sv39 mode (ASID 0).
    public var satp: UInt64 { Satp.sv39 | (root >> 12) }

    /// Maps the page at `virtualAddress` to `frame` with user `permissions`.
    ///
    /// Returns false, changing nothing that is visible, when a frame for an intermediate table is
    /// not available. Preconditions: both addresses page-aligned, the address in the user half,
    /// permissions non-empty, and the page not already mapped.
    public func map(virtualAddress: UInt64, to frame: UInt64, permissions: MemoryPermissions) -> Bool {
        precondition(virtualAddress % PageTable.pageSize == 0 && frame % PageTable.pageSize == 0, "unaligned map")
        precondition(virtualAddress < PageTable.userLimit, "map outside the user half")
        precondition(!permissions.isEmpty, "mapping a page with no permissions")
        guard let slot = entryAddress(for: virtualAddress, create: true) else { return false }
        precondition(!PageTableEntry(rawValue: memory.load(UInt64.self, at: slot)).isValid,
                     "page 0x\(String(virtualAddress, radix: 16)) is already mapped")
        memory.store(PageTableEntry.leaf(frame: frame, permissions: permissions).rawValue, at: slot)
        return true
    }

    /// Removes the mapping of the page that holds `virtualAddress` and returns its frame, or nil if
    /// it was not mapped. The caller frees the frame and flushes the TLB.
    @discardableResult
    public func unmap(virtualAddress: UInt64) -> UInt64? {
        guard virtualAddress < PageTable.userLimit,
              let slot = entryAddress(for: virtualAddress, create: false) else { return nil }
        let entry = PageTableEntry(rawValue: memory.load(UInt64.self, at: slot))
        guard entry.isValid else { return nil }
        memory.store(UInt64(0), at: slot)
        return entry.physicalAddress
    }

    /// Gives the mapped page that holds `virtualAddress` new user `permissions`, keeping its frame
    /// and contents. With no permissions (PROT_NONE) the page stays mapped as a supervisor-only
    /// page (U clear), so every user access faults. Returns false if the page is not mapped. The
    /// caller flushes the TLB.
    @discardableResult
    public func protect(virtualAddress: UInt64, permissions: MemoryPermissions) -> Bool {
        guard virtualAddress < PageTable.userLimit,
              let slot = entryAddress(for: virtualAddress, create: false) else { return false }
        let entry = PageTableEntry(rawValue: memory.load(UInt64.self, at: slot))
        guard entry.isValid else { return false }
        var leaf = PageTableEntry.leaf(frame: entry.physicalAddress, permissions: permissions.isEmpty ? .read : permissions)
        if permissions.isEmpty { leaf.rawValue &= ~PageTableEntry.user }
        memory.store(leaf.rawValue, at: slot)
        return true
    }

    /// The leaf entry of the page that holds `virtualAddress`, or nil if it is not mapped.
    public func lookup(virtualAddress: UInt64) -> PageTableEntry? {
        guard virtualAddress < PageTable.userLimit,
              let slot = entryAddress(for: virtualAddress, create: false) else { return nil }
        let entry = PageTableEntry(rawValue: memory.load(UInt64.self, at: slot))
        return entry.isValid ? entry : nil
    }

    /// The physical address `virtualAddress` maps to, or nil if its page is not mapped.
    public func translate(_ virtualAddress: UInt64) -> UInt64? {
        lookup(virtualAddress: virtualAddress).map { $0.physicalAddress | (virtualAddress & (PageTable.pageSize - 1)) }
    }

    /// The mapped pages in `[from, to)`, in address order, found by walking only the tables
    /// that exist (so a sparse range of any size is cheap).
    public func mappedPages(from: UInt64, to: UInt64) -> [UInt64] {
        var pages: [UInt64] = []
        collect(table: root, level: 2, base: 0, from: from, to: min(to, PageTable.userLimit), into: &pages)
        return pages
    }

    private func collect(table: UInt64, level: Int, base: UInt64, from: UInt64, to: UInt64, into pages: inout [UInt64]) {
        let span: UInt64 = 1 << (12 + 9 * UInt64(level))
        for index in 0..<UInt64(512) {
            let low = base + index * span
            guard low < to else { return }
            guard low + span > from else { continue }
            let entry = PageTableEntry(rawValue: memory.load(UInt64.self, at: table + index * 8))
            guard entry.isValid else { continue }
            if level == 0 {
                pages.append(low)
            } else {
                precondition(!entry.isLeaf, "superpage in a kernel-built page table")
                collect(table: entry.physicalAddress, level: level - 1, base: low, from: from, to: to, into: &pages)
            }
        }
    }

    /// Physical address of the level-0 slot for `virtualAddress`, creating intermediate tables when
    /// `create` is set. Nil when a table is missing (and not created) or no frame is left.
    private func entryAddress(for virtualAddress: UInt64, create: Bool) -> UInt64? {
        var table = root
        for level in stride(from: 2, to: 0, by: -1) {
            let slot = table + ((virtualAddress >> (12 + 9 * UInt64(level))) & 0x1ff) * 8
            let entry = PageTableEntry(rawValue: memory.load(UInt64.self, at: slot))
            if entry.isValid {
                precondition(!entry.isLeaf, "superpage in a kernel-built page table")
                table = entry.physicalAddress
            } else {
                guard create, let next = frames.allocate() else { return nil }
                memory.store(PageTableEntry.table(frame: next).rawValue, at: slot)
                table = next
            }
        }
        return table + ((virtualAddress >> 12) & 0x1ff) * 8
    }
}
