/// One segment of an ELF program (a PT_LOAD or PT_TLS program header) with its file bytes copied out.
/// The kernel maps one memory region per PT_LOAD (seed `as_map_memregion`), loaded eagerly:
/// `bytes` fill the start of `[virtualAddress, virtualAddress + memorySize)` and the rest is zero.
public struct ELFSegment: Sendable, Equatable {
    /// `p_vaddr`: where the segment starts in the virtual address space.
    public let virtualAddress: UInt64
    /// `p_paddr`: where bare-metal (`--bare`) loading puts it in physical memory.
    public let physicalAddress: UInt64
    /// `p_filesz`: how many bytes come from the file; always `<= memorySize` and `== bytes.count`.
    public let fileSize: UInt64
    /// `p_memsz`: the size in memory; the tail past `fileSize` is zero-filled (.bss).
    public let memorySize: UInt64
    /// `p_align`.
    public let alignment: UInt64
    /// `p_flags`: read, write, execute.
    public let flags: SegmentFlags
    /// The `fileSize` bytes from the file at `fileOffset`.
    public let bytes: [UInt8]
    /// `p_offset`: where `bytes` start in the file.
    public let fileOffset: UInt64

    /// Creates a segment; `ELFFile` validates the program header first, so `bytes.count == fileSize <= memorySize`.
    public init(virtualAddress: UInt64, physicalAddress: UInt64, fileSize: UInt64, memorySize: UInt64,
                alignment: UInt64, flags: SegmentFlags, bytes: [UInt8], fileOffset: UInt64) {
        precondition(UInt64(bytes.count) == fileSize && fileSize <= memorySize, "inconsistent ELF segment")
        self.virtualAddress = virtualAddress
        self.physicalAddress = physicalAddress
        self.fileSize = fileSize
        self.memorySize = memorySize
        self.alignment = alignment
        self.flags = flags
        self.bytes = bytes
        self.fileOffset = fileOffset
    }

    /// The virtual address one past the segment's last byte in memory.
    public var virtualEnd: UInt64 { virtualAddress + memorySize }
}

/// A segment's permissions, `p_flags` (PF_R = 4, PF_W = 2, PF_X = 1). Other flag bits are dropped.
public struct SegmentFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let execute = SegmentFlags(rawValue: 1)
    public static let write = SegmentFlags(rawValue: 2)
    public static let read = SegmentFlags(rawValue: 4)

    /// `readelf` style: "R E", "RW ", ...
    public var description: String {
        (contains(.read) ? "R" : " ") + (contains(.write) ? "W" : " ") + (contains(.execute) ? "E" : " ")
    }
}

/// Where the program header table sits, for the auxv entries AT_PHDR, AT_PHENT and AT_PHNUM.
public struct ProgramHeaderTable: Sendable, Equatable {
    /// AT_PHDR: the table's virtual address in the loaded image: PT_PHDR's `p_vaddr` if present, else
    /// computed from the PT_LOAD whose file bytes cover the whole table (as Linux does). Nil when no
    /// loaded segment contains the table.
    public let virtualAddress: UInt64?
    /// AT_PHENT: `e_phentsize`, the size of one entry (56 for ELF64).
    public let entrySize: UInt64
    /// AT_PHNUM: the number of program headers.
    public let count: UInt64
    /// `e_phoff`: the table's offset in the file.
    public let fileOffset: UInt64

    public init(virtualAddress: UInt64?, entrySize: UInt64, count: UInt64, fileOffset: UInt64) {
        self.virtualAddress = virtualAddress
        self.entrySize = entrySize
        self.count = count
        self.fileOffset = fileOffset
    }
}
