import Testing
@testable import Kernel
import RISCV

@Suite struct FrameAllocatorTests {
    @Test func allocatesDistinctAlignedFramesInRAM() throws {
        let frames = try Fixtures.frames(pages: 8)
        let a = try #require(frames.allocate())
        let b = try #require(frames.allocate())
        #expect(a != b)
        #expect(a % 4096 == 0 && b % 4096 == 0)
        #expect(frames.memory.contains(a, length: 4096) && frames.memory.contains(b, length: 4096))
        #expect(frames.framesInUse == 2)
    }

    @Test func exhaustionReturnsNilAndFreeingMakesRoom() throws {
        let frames = try Fixtures.frames(pages: 64, limit: 3)
        let all = (0..<3).compactMap { _ in frames.allocate() }
        #expect(all.count == 3)
        #expect(frames.allocate() == nil)
        #expect(frames.allocate() == nil)
        frames.free(all[1])
        #expect(frames.framesInUse == 2)
        #expect(frames.allocate() == all[1])
        #expect(frames.allocate() == nil)
        #expect(frames.peakFramesInUse == 3)
    }

    @Test func reusedFramesComeBackZeroed() throws {
        let frames = try Fixtures.frames(pages: 4, limit: 1)
        let frame = try #require(frames.allocate())
        frames.memory.store(UInt64.max, at: frame + 128)
        frames.free(frame)
        let again = try #require(frames.allocate())
        #expect(again == frame)
        #expect(frames.memory.load(UInt64.self, at: frame + 128) == 0)
    }

    @Test func tracksWhichFramesAreAllocated() throws {
        let frames = try Fixtures.frames(pages: 4)
        let frame = try #require(frames.allocate())
        #expect(frames.isAllocated(frame: frame))
        frames.free(frame)
        #expect(!frames.isAllocated(frame: frame))
        #expect(!frames.isAllocated(frame: 0x1234))
    }
}
