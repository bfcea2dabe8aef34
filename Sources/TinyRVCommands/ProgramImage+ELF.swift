import ELF
import Kernel

extension ProgramImage {
    /// The kernel's view of a validated ELF executable: its PT_LOAD segments with their permissions,
    /// the entry point, the program-header facts the auxv reports, whether it is position-independent
    /// and its interpreter; `path` names it in /proc/self/maps.
    init(_ elf: ELFFile, path: String) {
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
        self.isPositionIndependent = elf.isPositionIndependent
        self.interpreterPath = elf.interpreter
        self.path = path
    }
}
