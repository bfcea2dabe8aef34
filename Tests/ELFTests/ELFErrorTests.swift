import Testing
import ELF

@Suite struct ELFErrorTests {
    @Test(arguments: [
        (ELFError.notELF, "not an ELF file"),
        (.truncated(.elfHeader), "truncated: ELF header extends past the end of the file"),
        (.truncated(.programHeader(3)), "truncated: program header 3 extends past the end of the file"),
        (.truncated(.sectionHeaderTable), "truncated: section header table extends past the end of the file"),
        (.truncated(.section(index: 4, name: ".symtab")), "truncated: section 4 (.symtab) extends past the end of the file"),
        (.wrongMachine(62), "wrong machine: x86-64 (expected RISC-V)"),
        (.wrongMachine(999), "wrong machine: machine 999 (expected RISC-V)"),
        (.wrongClass(1), "wrong class: ELFCLASS32 (expected ELFCLASS64)"),
        (.wrongByteOrder(2), "wrong byte order: ELFDATA2MSB, big-endian (expected ELFDATA2LSB, little-endian)"),
        (.unsupportedVersion(0), "unsupported ELF version 0 (expected EV_CURRENT, 1)"),
        (.notExecutable(1), "not an executable: ET_REL (tinyrv runs ET_EXEC and ET_DYN programs)"),
        (.badInterpreter, "PT_INTERP does not hold a NUL-terminated path"),
        (.badProgramHeaderEntrySize(32), "program header entry size is 32 bytes (expected 56)"),
        (.segmentOutsideFile(2), "segment 2 lies outside the file"),
        (.fileSizeExceedsMemorySize(segment: 1, fileSize: 0x2000, memorySize: 0x1000),
         "segment 1: file size 0x2000 exceeds memory size 0x1000"),
        (.overlappingSegments(1, 2), "segments 1 and 2 overlap"),
        (.absurdSize(segment: 0, memorySize: 0x4000_0001), "segment 0 is absurdly large (0x40000001)"),
        (.addressOverflow(segment: 0, address: 0xffff_ffff_ffff_f000, memorySize: 0x2000),
         "segment 0: address range 0xfffffffffffff000 + 0x2000 overflows"),
        (.beyondAddressSpace(segment: 1, end: 0x40_0000_1000),
         "segment 1 ends at 0x4000001000, beyond the 38-bit user address space (0x4000000000)"),
        (.noLoadableSegments, "no loadable segments"),
        (.fileNotFound("prog"), "prog: no such file"),
        (.unreadable("prog", "Permission denied"), "prog: cannot read: Permission denied"),
        (.malformed("invalid section data"), "malformed ELF file: invalid section data"),
    ])
    func descriptionIsOneClearLine(_ error: ELFError, _ expected: String) {
        #expect(error.description == expected)
    }
}
