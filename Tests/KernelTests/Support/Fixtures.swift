import Testing
@testable import Kernel
import RISCV

/// Records what the address space asks of the hart's caches.
final class RecordingCaches: TranslationCacheControl {
    var flushes = 0
    var invalidatedPages: [UInt64] = []
    func flushTLB() { flushes += 1 }
    func invalidateDecodedCode(physicalPage: UInt64) { invalidatedPages.append(physicalPage) }
}

enum Fixtures {
    static let page: UInt64 = 4096

    /// A small RAM and an allocator over it.
    static func frames(pages: Int = 256, limit: Int? = nil) throws -> FrameAllocator {
        FrameAllocator(memory: try PhysicalMemory(size: UInt64(pages) * page), frameLimit: limit)
    }

    /// An address space with a recorder for its cache maintenance.
    static func addressSpace(pages: Int = 256) throws -> (AddressSpace, RecordingCaches) {
        let caches = RecordingCaches()
        let space = try #require(AddressSpace(frames: try frames(pages: pages), caches: caches))
        return (space, caches)
    }

    /// Code at 0x10000 (r-x, 8 bytes), data at 0x11000 (rw-, 16 file bytes, 0x1800 in memory).
    static func image(code: [UInt8] = [0x13, 0, 0, 0, 0x73, 0, 0, 0]) -> ProgramImage {
        ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: UInt64(code.count), bytes: code, permissions: [.read, .execute]),
            .init(virtualAddress: 0x11000, memorySize: 0x1800, bytes: Array(1...16), permissions: [.read, .write]),
        ], programHeaderAddress: 0x10040, programHeaderEntrySize: 56, programHeaderCount: 2)
    }

    static func options(arguments: [String] = ["prog"], environment: [String] = [], stackPages: Int = 10,
                        trace: TraceOptions = [], sink: TraceSink = TraceSink(lineHandler: { _ in })) -> RunOptions {
        RunOptions(arguments: arguments, environment: environment, stackPages: stackPages, trace: trace,
                   traceSink: sink, randomBytes: Array(0xA0...0xAF))
    }

    /// A loaded process on a stub hart (nothing here runs it).
    static func process(image: ProgramImage = image(), pages: Int = 512, frameLimit: Int? = nil,
                        options: RunOptions = options()) throws -> Process {
        let memory = try PhysicalMemory(size: UInt64(pages) * page)
        let hart = Hart(memory: memory, delivery: .hosted)
        return try Process(image: image, hart: hart, frames: FrameAllocator(memory: memory, frameLimit: frameLimit),
                           options: options)
    }
}

extension Process {
    /// User memory read through the page table; nil if any page is unmapped.
    func peek(_ address: UInt64, count: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        for i in 0..<count {
            guard let physical = addressSpace.pageTable.translate(address + UInt64(i)) else { return nil }
            bytes.append(addressSpace.frames.memory.load(UInt8.self, at: physical))
        }
        return bytes
    }

    func peekWord(_ address: UInt64) -> UInt64? {
        peek(address, count: 8).map { $0.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
    }

    /// The NUL-terminated string at `address`.
    func peekString(_ address: UInt64) -> String? {
        var bytes: [UInt8] = []
        var cursor = address
        while let byte = peek(cursor, count: 1)?.first, byte != 0 {
            bytes.append(byte)
            cursor += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
