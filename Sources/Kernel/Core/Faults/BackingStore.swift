/// A host file that memory regions map: the backing store of the seed's page-fault handler. The
/// handler reads a page of a file mapping from here at the page's first fault, instead of zeroing it
/// (`PageFaultHandler.fillFromBackingStore`), and MAP_SHARED pages are written back here.
///
/// It owns its own host descriptor (a duplicate of the guest's), so closing the guest descriptor
/// leaves the mapping intact, as on Linux.
public final class MappedFile: @unchecked Sendable {
    /// The host descriptor, closed when the last region mapping the file goes.
    let hostDescriptor: HostDescriptor
    /// The file's host path (what /proc/self/maps and the fault trace show, as under qemu-riscv64).
    let path: String
    /// `st_dev` and `st_ino`, for /proc/self/maps.
    let device: UInt64, inode: UInt64
    /// True when the file is open for writing, so that MAP_SHARED writes may reach it.
    let writable: Bool

    /// Takes ownership of `hostDescriptor`.
    init(hostDescriptor: HostDescriptor, path: String, device: UInt64, inode: UInt64, writable: Bool) {
        self.hostDescriptor = hostDescriptor
        self.path = path
        self.device = device
        self.inode = inode
        self.writable = writable
    }

    deinit { hostDescriptor.close() }

    /// The file as the page cache names it.
    var identity: FileIdentity { FileIdentity(device: device, inode: inode) }

    /// The file's size now, or nil when the host cannot say.
    var size: UInt64? {
        guard case .success(let status) = hostDescriptor.status() else { return nil }
        return UInt64(status.size)
    }

    /// Up to `count` bytes at `offset`; fewer at the end of the file (pread).
    func read(at offset: UInt64, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes {
                hostDescriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[done...]), at: Int64(offset) + Int64(done))
            }
            guard case .success(let n) = read, n > 0 else { break }
            done += n
        }
        return Array(bytes[..<done])
    }

    /// Writes `bytes` at `offset` (pwrite); false when the host refuses.
    func write(_ bytes: [UInt8], at offset: UInt64) -> Bool {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes {
                hostDescriptor.write(UnsafeRawBufferPointer(rebasing: $0[done...]), at: Int64(offset) + Int64(done))
            }
            guard case .success(let n) = written, n > 0 else { return false }
            done += n
        }
        return true
    }
}

/// The file behind a file-mapped region: which file, from which offset, shared or private.
public struct FileBacking: Equatable, Sendable {
    let file: MappedFile
    /// The file offset of the region's first page; a split or a move keeps it in step with `start`.
    var offset: UInt64
    /// MAP_SHARED: the region's pages are written back to the file (msync, munmap, exit) when the file
    /// is open for writing. MAP_PRIVATE pages are the process's own copies once read.
    let shared: Bool

    public static func == (a: FileBacking, b: FileBacking) -> Bool {
        a.file === b.file && a.offset == b.offset && a.shared == b.shared
    }

    /// The file offset of the page at `page` in a region starting at `regionStart`.
    func fileOffset(ofPage page: UInt64, regionStart: UInt64) -> UInt64 { offset &+ (page - regionStart) }
}

extension PageFaultHandler {
    /// The backing-store case of the handler (seed: `handle_page_fault` with a backing store): the
    /// page of region `id` at `page`, not yet mapped, gets the frame of the page cache that holds
    /// its file page (`fromCache`), or else a fresh frame filled from the file, which then enters
    /// the cache; bytes past the end of the file read zero. A MAP_SHARED mapping maps the cached
    /// frame with its permissions (its writes are every mapping's); a MAP_PRIVATE one maps it
    /// without write, and a store copies it (`AddressSpace.copyOnWrite`), at once when the store is
    /// the page's first touch. A page that lies wholly past the end of the file kills with SIGBUS
    /// (135), as Linux does; no frame left kills with 137.
    func fillFromBackingStore(page: UInt64, in id: RegionID, region: MemRegion, backing: FileBacking,
                              address: UInt64, access: MemoryAccess, pc: UInt64) -> Resolution {
        let offset = backing.fileOffset(ofPage: page, regionStart: region.start)
        let size = backing.file.size ?? 0
        guard offset < size else {
            let reason = "page at offset \(hex(offset)) of \(backing.file.path) is past its end (\(size) bytes)"
            return .kill(.busError, message: "bus error: \(Self.faultName(access)) at \(hex(address)) (pc \(hex(pc))): \(reason)",
                         region: region.kind, traceReason: "\(region.kind.rawValue) \(backing.file.path) offset \(hex(offset)) past the end")
        }
        let frames = addressSpace.frames
        let filePage = FilePage(file: backing.file.identity, offset: offset)
        let cached = frames.pageCache.frame(holding: filePage)
        var frame: UInt64
        if let cached {
            frames.share(cached)
            frame = cached
        } else {
            guard let fresh = frames.allocate() else { return outOfMemory(address: address, access: access, pc: pc, region: region) }
            let bytes = backing.file.read(at: offset, count: Int(min(PageTable.pageSize, size - offset)))
            frames.memory.write(bytes[...], at: fresh)
            frames.pageCache.insert(fresh, holding: filePage)
            frame = fresh
        }
        guard addressSpace.mapFrame(frame, at: page, in: id) else {
            frames.free(frame)
            return outOfMemory(address: address, access: access, pc: pc, region: region)
        }
        if access == .store, !backing.shared {
            guard let (copy, _) = addressSpace.copyOnWrite(at: page, in: id) else {
                return outOfMemory(address: address, access: access, pc: pc, region: region)
            }
            frame = copy
        }
        return .filled(page: page, frame: frame, kind: region.kind, path: backing.file.path, offset: offset,
                       fromCache: cached != nil)
    }

    /// The shared-memory case of the handler: the page of an anonymous MAP_SHARED region `id` at
    /// `page`, not yet mapped, maps the frame its `SharedMemory` holds for it (`fresh`: allocated
    /// zeroed now), with the region's permissions. No frame left kills with 137.
    func mapSharedMemory(page: UInt64, in id: RegionID, region: MemRegion, shared: SharedMemoryBacking,
                         address: UInt64, access: MemoryAccess, pc: UInt64) -> Resolution {
        guard let (frame, fresh) = shared.object.frame(at: shared.objectOffset(ofPage: page, regionStart: region.start)) else {
            return outOfMemory(address: address, access: access, pc: pc, region: region)
        }
        addressSpace.frames.share(frame)
        guard addressSpace.mapFrame(frame, at: page, in: id) else {
            addressSpace.frames.free(frame)
            return outOfMemory(address: address, access: access, pc: pc, region: region)
        }
        return .mappedShared(page: page, frame: frame, kind: region.kind, fresh: fresh)
    }

    /// The kill for a fault that found no frame for the page (137).
    func outOfMemory(address: UInt64, access: MemoryAccess, pc: UInt64, region: MemRegion) -> Resolution {
        kill(.outOfMemory, address: address, access: access, pc: pc, region: region.kind,
             reason: "out of guest memory (--memory)", traceReason: "\(region.kind.rawValue) out of memory")
    }
}

extension AddressSpace {
    /// Writes the resident pages of `[start, end)` that belong to MAP_SHARED mappings of files open
    /// for writing back to their files (msync, and munmap and exit through `releasePages`). Only the
    /// bytes inside the file are written (a mapping never grows its file), and only pages whose bytes
    /// differ from the file's. Returns false when the host refused a write.
    @discardableResult
    public func writeBackSharedPages(from start: UInt64, to end: UInt64) -> Bool {
        var succeeded = true
        for (_, region) in entries where region.start < end && start < region.pageEnd {
            guard let backing = region.backing, backing.shared, backing.file.writable else { continue }
            let size = backing.file.size ?? 0
            for page in pageTable.mappedPages(from: max(start, region.start), to: min(end, region.pageEnd)) {
                let offset = backing.fileOffset(ofPage: page, regionStart: region.start)
                guard offset < size, let physical = pageTable.translate(page) else { continue }
                let memory = frames.memory.read(at: physical, length: Int(min(PageTable.pageSize, size - offset)))
                if memory != backing.file.read(at: offset, count: memory.count) {
                    succeeded = backing.file.write(memory, at: offset) && succeeded
                }
            }
        }
        return succeeded
    }
}
