/// mlock and its family. tinyrv never pages guest memory out, so every page is as good as locked:
/// the calls check their arguments and the range as Linux does and change nothing.
enum LockingSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(228, "mlock", [.hex, .decimal]) { process, a in lockRange(process, a[0], a[1]) },
        SyscallDefinition(229, "munlock", [.hex, .decimal]) { process, a in lockRange(process, a[0], a[1]) },
        SyscallDefinition(284, "mlock2", [.hex, .decimal, .hex]) { process, a in
            a[2] & ~lockOnFault == 0 ? lockRange(process, a[0], a[1]) : .error(.EINVAL)
        },
        SyscallDefinition(230, "mlockall", [.hex]) { _, a in
            a[0] & ~(lockCurrent | lockFuture | lockAllOnFault) == 0 && a[0] & (lockCurrent | lockFuture) != 0
                ? .value(0) : .error(.EINVAL)
        },
        SyscallDefinition(231, "munlockall", []) { _, _ in .value(0) },
    ]

    /// MLOCK_ONFAULT, and mlockall's MCL_CURRENT, MCL_FUTURE and MCL_ONFAULT.
    static let lockOnFault: UInt64 = 1, lockCurrent: UInt64 = 1, lockFuture: UInt64 = 2
    static let lockAllOnFault: UInt64 = 4

    /// 0 when every page of `[address, address + length)` (widened to whole pages) is in a
    /// region; `-ENOMEM` otherwise, or when the range leaves user memory.
    static func lockRange(_ process: Process, _ address: UInt64, _ length: UInt64) -> SyscallResult {
        let start = address & ~(PageTable.pageSize - 1)
        let (end, overflow) = address.addingReportingOverflow(length)
        guard !overflow, end <= PageTable.userLimit else { return .error(.ENOMEM) }
        return process.addressSpace.covers(from: start, to: MemRegion.roundUp(end)) ? .value(0) : .error(.ENOMEM)
    }
}

extension AddressSpace {
    /// True when every page of `[start, end)` lies in some region.
    func covers(from start: UInt64, to end: UInt64) -> Bool {
        var cursor = start
        while cursor < end {
            guard let (_, region) = region(containing: cursor) else { return false }
            cursor = region.pageEnd
        }
        return true
    }
}
