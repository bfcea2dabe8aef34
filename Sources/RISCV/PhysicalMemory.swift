import Glibc

/// Guest RAM: one contiguous range of physical addresses backed by an anonymous host mapping.
///
/// Host memory is committed only for pages the guest (or the kernel) touches, so an untouched
/// 1 GiB guest costs nothing. Seed counterpart: `kmap_p2v` is `hostPointer(_:)`.
///
/// ```
///   base                                  base + size
///   |<------------------ RAM ------------------->|
///   0x8000_0000 (default)
/// ```
public final class PhysicalMemory {
    /// Where RAM starts in the physical address space.
    public static let defaultBase: UInt64 = 0x8000_0000
    /// The page size shared by RAM, the MMU and the kernel.
    public static let pageSize: UInt64 = 4096

    public let base: UInt64
    public let size: UInt64
    /// Host address of physical address `base`.
    public let hostBase: UnsafeMutableRawPointer

    public enum Error: Swift.Error, CustomStringConvertible {
        case badSize(UInt64)
        case mapFailed(size: UInt64, errno: Int32)
        public var description: String {
            switch self {
            case .badSize(let s): return "guest memory size \(s) is not a positive multiple of 4096"
            case .mapFailed(let s, let e): return "cannot reserve \(s) bytes of guest memory: \(String(cString: strerror(e)))"
            }
        }
    }

    /// Reserves `size` bytes of zeroed RAM at `base`. Throws if the size is not a positive
    /// multiple of the page size or the host refuses the reservation.
    public init(base: UInt64 = PhysicalMemory.defaultBase, size: UInt64) throws {
        guard size > 0, size % PhysicalMemory.pageSize == 0, size <= 1 << 40 else { throw Error.badSize(size) }
        let p = mmap(nil, Int(size), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != MAP_FAILED else { throw Error.mapFailed(size: size, errno: errno) }
        self.base = base
        self.size = size
        self.hostBase = p
    }

    deinit { munmap(hostBase, Int(size)) }

    /// True when `[paddr, paddr + length)` lies wholly inside RAM.
    @inlinable @inline(__always)
    public func contains(_ paddr: UInt64, length: UInt64 = 1) -> Bool {
        paddr >= base && length <= size && paddr - base <= size - length
    }

    /// Host pointer for physical address `paddr` (`kmap_p2v`). Precondition: `paddr` is in RAM.
    @inline(__always)
    public func hostPointer(_ paddr: UInt64) -> UnsafeMutableRawPointer {
        precondition(contains(paddr), "physical address outside RAM")
        return hostBase + Int(paddr - base)
    }

    /// Reads a little-endian value at `paddr`. Precondition: the whole value is in RAM.
    /// Inlinable, so the kernel's page-table walks get a specialized load instead of a generic one
    /// that looks up type metadata on every call.
    @inlinable @inline(__always)
    public func load<T: FixedWidthInteger>(_ type: T.Type, at paddr: UInt64) -> T {
        precondition(contains(paddr, length: UInt64(MemoryLayout<T>.size)), "physical read outside RAM")
        return T(littleEndian: (hostBase + Int(paddr - base)).loadUnaligned(as: T.self))
    }

    /// Writes a little-endian value at `paddr`. Precondition: the whole value is in RAM.
    @inlinable @inline(__always)
    public func store<T: FixedWidthInteger>(_ value: T, at paddr: UInt64) {
        precondition(contains(paddr, length: UInt64(MemoryLayout<T>.size)), "physical write outside RAM")
        (hostBase + Int(paddr - base)).storeBytes(of: value.littleEndian, as: T.self)
    }

    /// Copies `bytes` into RAM at `paddr`. Precondition: the range is in RAM.
    @inlinable
    public func write<C: Collection>(_ bytes: C, at paddr: UInt64) where C.Element == UInt8 {
        precondition(contains(paddr, length: UInt64(bytes.count)), "physical write outside RAM")
        let dst = hostBase + Int(paddr - base)
        let copied: Void? = bytes.withContiguousStorageIfAvailable { source in
            if let start = source.baseAddress { dst.copyMemory(from: start, byteCount: source.count) }
        }
        if copied == nil {
            var i = 0
            for b in bytes { dst.storeBytes(of: b, toByteOffset: i, as: UInt8.self); i += 1 }
        }
    }

    /// Returns `length` bytes of RAM from `paddr`. Precondition: the range is in RAM.
    public func read(at paddr: UInt64, length: Int) -> [UInt8] {
        precondition(length >= 0 && contains(paddr, length: UInt64(length)), "physical read outside RAM")
        let src = UnsafeRawBufferPointer(start: hostBase + Int(paddr - base), count: length)
        return Array(src)
    }

    /// Sets `length` bytes from `paddr` to zero. Precondition: the range is in RAM.
    public func zero(at paddr: UInt64, length: UInt64) {
        precondition(contains(paddr, length: length), "physical zero outside RAM")
        memset(hostBase + Int(paddr - base), 0, Int(length))
    }
}
