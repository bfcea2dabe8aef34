import Testing
@testable import Kernel

/// One CPU, and a scheduling policy that is recorded and reported back (no scheduler: one task).
@Suite struct SchedulingSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process(pages: 512) }

    @Test func oneCPU() {
        #expect(process.syscall("sched_getaffinity", [0, 128, 0x11000]) == .value(8))
        #expect(process.peekWord(0x11000) == 1)
        #expect(process.syscall("sched_getaffinity", [0, 3, 0x11000]) == .error(.EINVAL))
        #expect(process.syscall("sched_getaffinity", [5, 8, 0x11000]) == .error(.ESRCH))
        #expect(process.syscall("sched_yield", []) == .value(0))
        #expect(process.syscall("getcpu", [0x11000, 0, 0]) == .value(0))
        #expect(process.peekWord(0x11000) == 0, "CPU 0")
    }

    @Test func aPolicyIsRecordedAndForkDropsItsResetFlag() throws {
        try process.copyOut(GuestBytes.word32(0), to: 0x11000).get()
        let idleResetOnFork = SchedulingSyscalls.idle | SchedulingSyscalls.resetOnFork
        #expect(process.syscall("sched_setscheduler", [0, idleResetOnFork, 0x11000]) == .value(0))
        #expect(process.syscall("sched_getscheduler", [0]) == .value(Int64(idleResetOnFork)))
        let child = Process(forking: process, addressSpace: process.addressSpace, files: process.files, fileSystem: process.fileSystem)
        #expect(child.inherited.schedulingPolicy == SchedulingSyscalls.idle)
        #expect(process.syscall("sched_setparam", [0, 0x11000]) == .value(0), "the current policy, priority 0")
        try process.copyOut(GuestBytes.word32(1), to: 0x11000).get()
        #expect(process.syscall("sched_setparam", [0, 0x11000]) == .error(.EINVAL), "SCHED_IDLE has priority 0 only")
        #expect(process.syscall("sched_setscheduler", [0, 4, 0x11000]) == .error(.EINVAL), "4 is no policy")
        #expect(process.syscall("sched_setscheduler", [0, SchedulingSyscalls.batch, 0]) == .error(.EINVAL))
        #expect(process.syscall("sched_getparam", [0, 0]) == .error(.EINVAL))
        #expect(process.syscall("sched_getscheduler", [4242]) == .error(.ESRCH))
    }

    @Test func realTimePrioritiesAreOneToNinetyNine() {
        #expect(process.syscall("sched_get_priority_max", [SchedulingSyscalls.fifo]) == .value(99))
        #expect(process.syscall("sched_get_priority_min", [SchedulingSyscalls.roundRobin]) == .value(1))
        #expect(process.syscall("sched_get_priority_min", [SchedulingSyscalls.batch]) == .value(0))
        #expect(process.syscall("sched_get_priority_max", [6]) == .error(.EINVAL))
    }
}
