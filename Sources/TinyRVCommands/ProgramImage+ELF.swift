import ELF
import Kernel

extension ProgramImage {
    /// The kernel's view of a validated ELF executable: its PT_LOAD segments with their permissions,
    /// the entry point and the program-header facts the auxv reports.
    init(_ elf: ELFFile) {
        let segments = elf.segments.map { segment in
            var permissions: MemoryPermissions = []
            if segment.flags.contains(.read) { permissions.insert(.read) }
            if segment.flags.contains(.write) { permissions.insert(.write) }
            if segment.flags.contains(.execute) { permissions.insert(.execute) }
            return Segment(virtualAddress: segment.virtualAddress, memorySize: segment.memorySize,
                           bytes: segment.bytes, permissions: permissions)
        }
        self.init(entry: elf.entry, segments: segments,
                  programHeaderAddress: elf.programHeaders.virtualAddress,
                  programHeaderEntrySize: elf.programHeaders.entrySize,
                  programHeaderCount: elf.programHeaders.count)
    }
}
