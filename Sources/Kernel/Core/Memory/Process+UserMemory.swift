/// Why a copy between kernel and user memory failed.
enum UserCopyError: Error, Equatable {
    /// Some byte is outside every region or in one without the needed permission: `-EFAULT`.
    case badAddress
    /// Faulting a page in ran out of guest RAM, exactly as the hart's fault would have: kill.
    case killed(Kill)
}

extension Process {
    /// The largest string `copyInString` reads (Linux's PATH_MAX).
    static let maxStringLength = 4096

    /// True when every byte of `[address, address + count)` lies in regions that allow `access`.
    /// Touches nothing. An empty range is always accessible.
    func isAccessible(_ address: UInt64, count: UInt64, for access: MemoryAccess) -> Bool {
        guard count > 0 else { return true }
        let (end, overflow) = address.addingReportingOverflow(count)
        guard !overflow else { return false }
        var cursor = address
        while cursor < end {
            guard let (_, region) = addressSpace.region(containing: cursor),
                  region.permissions.contains(access.requiredPermission) else { return false }
            cursor = region.pageEnd
        }
        return true
    }

    /// Copies `count` bytes of user memory at `address` into the kernel (seed: `copyin`).
    ///
    /// Walks the page table in software and faults in valid unmapped pages as the hart would
    /// (counted and traced as page faults at the current pc). `.badAddress` when any byte is
    /// outside the readable regions; nothing is faulted in then.
    func copyIn(from address: UInt64, count: Int) -> Result<[UInt8], UserCopyError> {
        guard isAccessible(address, count: UInt64(count), for: .load) else { return .failure(.badAddress) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        let result = forEachPage(address, count: count, access: .load) { physical, length in
            bytes += addressSpace.frames.memory.read(at: physical, length: length)
        }
        return result.map { bytes }
    }

    /// Copies `bytes` into user memory at `address` (seed: `copyout`). Faults in pages like `copyIn`,
    /// and takes the copy-on-write fault of a page shared since a fork, as a store would;
    /// `.badAddress` when any byte is outside the writable regions; nothing is written then.
    func copyOut(_ bytes: [UInt8], to address: UInt64) -> Result<Void, UserCopyError> {
        guard isAccessible(address, count: UInt64(bytes.count), for: .store) else { return .failure(.badAddress) }
        var offset = 0
        return forEachPage(address, count: bytes.count, access: .store) { physical, length in
            addressSpace.frames.memory.write(bytes[offset..<offset + length], at: physical)
            offset += length
        }
    }

    /// The physical address of user byte `address`, its page faulted in for `access` as the hart's
    /// access would (a store takes a copy-on-write fault); `.badAddress` when its region does not
    /// allow `access`.
    func physicalAddress(of address: UInt64, for access: MemoryAccess) -> Result<UInt64, UserCopyError> {
        guard isAccessible(address, count: 1, for: access) else { return .failure(.badAddress) }
        var physical: UInt64 = 0
        return forEachPage(address, count: 1, access: access) { start, _ in physical = start }.map { physical }
    }

    /// Reads the NUL-terminated string at `address`, without its NUL. `.badAddress` when it runs into
    /// memory that is not readable or is longer than `maxStringLength`.
    func copyInString(from address: UInt64) -> Result<[UInt8], UserCopyError> {
        var bytes: [UInt8] = []
        var cursor = address
        while bytes.count < Process.maxStringLength {
            let inPage = Int(PageTable.pageSize - cursor % PageTable.pageSize)
            let chunk: [UInt8]
            switch copyIn(from: cursor, count: min(inPage, Process.maxStringLength - bytes.count)) {
            case .success(let read): chunk = read
            case .failure(let error): return .failure(error)
            }
            if let nul = chunk.firstIndex(of: 0) { return .success(bytes + chunk[..<nul]) }
            bytes += chunk
            cursor += UInt64(chunk.count)
        }
        return .failure(.badAddress)
    }

    /// Up to `count` bytes at `address`, stopping at the first page that is not mapped or not
    /// readable; nil when none. Faults nothing in and counts nothing (for traces).
    func peekMapped(_ address: UInt64, count: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var cursor = address
        while bytes.count < count, let (_, region) = addressSpace.region(containing: cursor),
              region.permissions.contains(.read), let physical = addressSpace.pageTable.translate(cursor) {
            let length = min(count - bytes.count, Int(PageTable.pageSize - cursor % PageTable.pageSize))
            bytes += addressSpace.frames.memory.read(at: physical, length: length)
            cursor += UInt64(length)
        }
        return bytes.isEmpty && count > 0 ? nil : bytes
    }

    /// Calls `body` with the physical address and length of each page-sized piece of the range,
    /// faulting in unmapped pages first. Precondition: the range is accessible.
    private func forEachPage(_ address: UInt64, count: Int, access: MemoryAccess,
                             _ body: (UInt64, Int) -> Void) -> Result<Void, UserCopyError> {
        var cursor = address
        var remaining = count
        while remaining > 0 {
            // Unmapped, or (the range being writable) write-protected because fork shares the frame.
            let entry = addressSpace.pageTable.lookup(virtualAddress: cursor)
            let needsFault = entry.map { access == .store && !$0.permissions.contains(.write) } ?? true
            if needsFault, let kill = takePageFault(address: cursor, access: access, pc: hart.pc) {
                return .failure(.killed(kill))
            }
            let length = min(remaining, Int(PageTable.pageSize - cursor % PageTable.pageSize))
            body(addressSpace.pageTable.translate(cursor)!, length)
            cursor += UInt64(length)
            remaining -= length
        }
        return .success(())
    }
}
