/// A decision to kill the process: why, and the message after `tinyrv: killed: `.
struct Kill: Equatable, Error {
    var reason: KillReason
    var message: String
}

extension Process {
    /// Takes one user page fault: counts it, traces it and resolves it with the `PageFaultHandler`.
    /// Returns nil when the page is now mapped, else the kill.
    func takePageFault(address: UInt64, access: MemoryAccess, pc: UInt64) -> Kill? {
        let resolution = pageFaultHandler.handle(address: address, access: access, pc: pc, stackPointer: hart.register(Register.sp))
        let prefix = "fault: \(access) \(hex(address)) pc=\(hex(pc))"
        switch resolution {
        case .mapped(let page, let frame, let kind):
            pageFaults[kind] += 1
            if trace.contains(.faults) {
                traceSink.write("\(prefix) \(kind.rawValue) -> mapped \(hex(page)) (frame \(hex(frame)))")
            }
            return nil
        case .filled(let page, let frame, let kind, let path, let offset, let fromCache):
            pageFaults[kind] += 1
            if fromCache { pageFaults.cacheFills += 1 } else { pageFaults.fileFills += 1 }
            if trace.contains(.faults) {
                let how = fromCache ? "shared \(hex(page)) from the page cache:" : "filled \(hex(page)) from"
                traceSink.write("\(prefix) \(kind.rawValue) -> \(how) \(path) offset \(hex(offset)) (frame \(hex(frame)))")
            }
            return nil
        case .mappedShared(let page, let frame, let kind, let fresh):
            pageFaults[kind] += 1
            if trace.contains(.faults) {
                let how = fresh ? "mapped" : "shared"
                traceSink.write("\(prefix) \(kind.rawValue) -> \(how) \(hex(page)) of shared memory (frame \(hex(frame)))")
            }
            return nil
        case .copiedOnWrite(let page, let frame, let kind, let copied):
            pageFaults.copyOnWrite += 1
            if trace.contains(.faults) {
                let what = copied ? "copied" : "reclaimed"
                traceSink.write("\(prefix) \(kind.rawValue) copy-on-write -> \(what) \(hex(page)) (frame \(hex(frame)))")
            }
            return nil
        case .kill(let reason, let message, let kind, let traceReason):
            if let kind { pageFaults[kind] += 1 } else { pageFaults.outsideRegions += 1 }
            if trace.contains(.faults) { traceSink.write("\(prefix) \(traceReason) -> killed") }
            return Kill(reason: reason, message: message)
        }
    }
}
