import Testing
@testable import Kernel
import RISCV

/// Where `ProgramLoader` puts position-independent programs and interpreters, and the auxv that
/// tells the interpreter about the program.
@Suite struct ProgramLoaderTests {
    /// `Fixtures.image()` as an ET_DYN linked at 0 (code at 0x0, data at 0x1000).
    static func positionIndependentImage() -> ProgramImage {
        var image = ProgramImage(entry: 0x40, segments: [
            .init(virtualAddress: 0x0, memorySize: 8, bytes: [0x13, 0, 0, 0, 0x73, 0, 0, 0], permissions: [.read, .execute]),
            .init(virtualAddress: 0x1000, memorySize: 0x1800, bytes: Array(1...16), permissions: [.read, .write]),
        ], programHeaderAddress: 0x40, programHeaderEntrySize: 56, programHeaderCount: 2)
        image.isPositionIndependent = true
        image.path = "/bin/pie"
        return image
    }

    func auxv(_ process: Process) -> [UInt64: UInt64] {
        Dictionary(process.auxiliaryVector.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    @Test func positionIndependentProgramLoadsAtTheFixedBase() throws {
        let process = try Fixtures.process(image: Self.positionIndependentImage())
        let base = ProgramLoader.positionIndependentBase
        #expect(base == 0x2A_AAAA_A000)
        #expect(process.entry == base + 0x40)
        #expect(process.peek(base, count: 4) == [0x13, 0, 0, 0])
        #expect(process.peek(base + 0x1000, count: 2) == [1, 2])
        #expect(process.heapStart == base + 0x3000, "the heap follows the program, as the seed's does")
        let aux = auxv(process)
        #expect(aux[AuxiliaryVectorKey.phdr.rawValue] == base + 0x40)
        #expect(aux[AuxiliaryVectorKey.entry.rawValue] == base + 0x40)
        #expect(aux[AuxiliaryVectorKey.base.rawValue] == 0)
        #expect(process.addressSpace.region(containing: base)?.region.name == "/bin/pie")
    }

    @Test func interpreterLoadsAtTheMmapBaseAndStartsFirst() throws {
        var options = Fixtures.options()
        var interpreter = Self.positionIndependentImage()
        interpreter.entry = 0x4
        interpreter.path = "/lib/ld.so"
        options.interpreter = interpreter
        let process = try Fixtures.process(options: options)
        let stackBottom = process.addressSpace[process.stackRegion].start
        let base = stackBottom - PageFaultHandler.stackGuardGap - 0x3000
        #expect(process.entry == base + 0x4, "the hart starts in the interpreter")
        #expect(process.peek(base + 0x1000, count: 2) == [1, 2])
        let aux = auxv(process)
        #expect(aux[AuxiliaryVectorKey.base.rawValue] == base)
        #expect(aux[AuxiliaryVectorKey.entry.rawValue] == 0x10000, "AT_ENTRY stays the program's")
        #expect(aux[AuxiliaryVectorKey.phdr.rawValue] == 0x10040)
        #expect(aux[AuxiliaryVectorKey.minimumSignalStackSize.rawValue] == 1088)
        #expect(process.heapStart == 0x13000, "the heap keeps its place after the program")
        #expect(process.addressSpace.region(containing: base)?.region.name == "/lib/ld.so")
    }

    @Test func segmentsThatWouldLeaveUserSpaceAreRefused() throws {
        var image = Self.positionIndependentImage()
        image.segments[1].virtualAddress = 0x20_0000_0000
        #expect(throws: ProcessSetupError.segmentOutsideUserSpace(virtualAddress: 0x20_0000_0000 + ProgramLoader.positionIndependentBase,
                                                                  memorySize: 0x1800)) {
            try Fixtures.process(image: image)
        }
    }
}
