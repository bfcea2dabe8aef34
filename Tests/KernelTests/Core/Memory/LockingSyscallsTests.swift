import Testing
@testable import Kernel

/// mlock and its family check their arguments and the range; every page is as good as locked.
@Suite struct LockingSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process(pages: 512) }

    @Test func aRangeMustBeMappedAndFlagsKnown() {
        let stackTop = process.addressSpace[process.stackRegion].end
        #expect(process.syscall("mlock", [stackTop - 100, 50]) == .value(0), "an unaligned start is rounded down")
        #expect(process.syscall("munlock", [0x1000, 4096]) == .error(.ENOMEM), "no region there")
        #expect(process.syscall("mlock", [UInt64.max - 10, 100]) == .error(.ENOMEM), "wraps around")
        #expect(process.syscall("mlock2", [stackTop - 4096, 4096, 1]) == .value(0), "MLOCK_ONFAULT")
        #expect(process.syscall("mlock2", [stackTop - 4096, 4096, 2]) == .error(.EINVAL))
        #expect(process.syscall("mlockall", [0]) == .error(.EINVAL))
        #expect(process.syscall("mlockall", [LockingSyscalls.lockAllOnFault]) == .error(.EINVAL), "MCL_ONFAULT alone")
        #expect(process.syscall("mlockall", [LockingSyscalls.lockCurrent | LockingSyscalls.lockFuture]) == .value(0))
        #expect(process.syscall("munlockall", []) == .value(0))
    }
}
