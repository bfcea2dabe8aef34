#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Kernel

/// An address space with a stack region and a fault handler over it, and a two-page scratch file
/// (page 0 all "A", page 1 all "B") to map: what the page cache and shared memory tests fault on.
final class SharedPagesFixture {
    static let page = Fixtures.page
    let space: AddressSpace
    let handler: PageFaultHandler
    let path: String
    let file: MappedFile

    init() throws {
        let (space, _) = try Fixtures.addressSpace(pages: 64)
        self.space = space
        guard case .success(let stack) = space.map(MemRegion(kind: .stack, start: 0x3F_0000_0000, end: 0x3F_0000_1000,
                                                              permissions: [.read, .write])) else { throw VMError.bound }
        handler = PageFaultHandler(addressSpace: space, stackRegion: stack, stackPages: 1)
        var template = Array("/tmp/tinyrv-pages-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 4096) + [UInt8](repeating: UInt8(ascii: "B"), count: 4096)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        var status = stat()
        fstat(descriptor, &status)
        file = MappedFile(hostDescriptor: HostDescriptor(rawValue: descriptor), path: path, device: UInt64(status.st_dev),
                          inode: UInt64(status.st_ino), writable: true)
    }

    deinit { unlink(path) }

    /// Maps the file's two pages at `start`, shared or private, with `permissions`.
    func mapFile(at start: UInt64, shared: Bool, permissions: MemoryPermissions = [.read, .write]) throws -> RegionID {
        var region = MemRegion(kind: .mmap, start: start, end: start + 2 * Self.page, permissions: permissions)
        region.backing = FileBacking(file: file, offset: 0, shared: shared)
        guard case .success(let id) = space.map(region) else { throw VMError.bound }
        return id
    }

    /// Maps `pages` pages of fresh anonymous shared memory at `start`.
    func mapSharedMemory(at start: UInt64, pages: UInt64) throws -> RegionID {
        var region = MemRegion(kind: .mmap, start: start, end: start + pages * Self.page, permissions: [.read, .write])
        region.sharedMemory = SharedMemoryBacking(object: SharedMemory(frames: space.frames), offset: 0)
        guard case .success(let id) = space.map(region) else { throw VMError.bound }
        return id
    }

    /// The handler's resolution of a fault at `address` in `space` (default: the fixture's).
    func fault(_ address: UInt64, _ access: MemoryAccess, in other: AddressSpace? = nil) -> PageFaultHandler.Resolution {
        let target = other ?? space
        let handler = other == nil ? self.handler : PageFaultHandler(addressSpace: target, stackRegion: self.handler.stackRegion, stackPages: 1)
        return handler.handle(address: address, access: access, pc: 0x1000)
    }

    /// The frame mapped at `address` in `space`, or nil.
    func frame(_ address: UInt64, in other: AddressSpace? = nil) -> UInt64? {
        (other ?? space).pageTable.lookup(virtualAddress: address)?.physicalAddress
    }

    /// The permissions of the page at `address` in `space`.
    func permissions(_ address: UInt64, in other: AddressSpace? = nil) -> MemoryPermissions? {
        (other ?? space).pageTable.lookup(virtualAddress: address)?.permissions
    }

    /// The byte at `address` in `space`, read through its page table.
    func byte(_ address: UInt64, in other: AddressSpace? = nil) -> UInt8? {
        (other ?? space).pageTable.translate(address).map { space.frames.memory.load(UInt8.self, at: $0) }
    }

    /// Stores `value` at `address` in `space` through its page table (as the hart would, once mapped writable).
    func store(_ value: UInt8, at address: UInt64, in other: AddressSpace? = nil) throws {
        let physical = try #require((other ?? space).pageTable.translate(address))
        space.frames.memory.store(value, at: physical)
    }
}
