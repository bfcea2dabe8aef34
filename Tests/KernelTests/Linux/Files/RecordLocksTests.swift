import Testing
@testable import Kernel

/// fcntl record locks follow Linux's POSIX rules although every guest process lives in one host
/// process: a process's locks never stand in each other's way, another process's do, and closing
/// any descriptor of the file drops them.
@Suite struct RecordLocksTests {
    let tree: SandboxTree
    let process: Kernel.Process
    let other: Kernel.Process
    init() throws {
        tree = try SandboxTree()
        process = try tree.process(allowWrites: true)
        other = try tree.process(allowWrites: true)
    }

    /// Writes a `struct flock` at `Scratch.buffer` of `owner` and runs fcntl(fd, command, it).
    func lock(_ owner: Kernel.Process, _ fd: Int64, _ command: UInt64, type: Int16, start: Int64 = 0, length: Int64 = 0,
              pid: Int32 = 0) throws -> Int64 {
        try owner.copyOut(HostRecordLock(type: type, whence: 0, start: start, length: length, pid: pid).bytes, to: Scratch.buffer).get()
        return owner.call(25, UInt64(fd), command, Scratch.buffer)
    }

    func open(_ owner: Kernel.Process, flags: UInt64 = 2) throws -> Int64 {
        owner.call(56, UInt64(bitPattern: -100), try owner.guestPath("file.txt"), flags)
    }

    @Test func anotherProcessIsKeptOutUntilTheLockIsDropped() throws {
        let mine = try open(process), theirs = try open(other)
        #expect(try lock(process, mine, RecordLocks.setLock, type: 1, length: 10) == 0)
        #expect(try lock(other, theirs, RecordLocks.setLock, type: 0, start: 5, length: 1) == Errno.EAGAIN.negated)
        #expect(try lock(other, theirs, RecordLocks.setLock, type: 1, start: 10, length: 5) == 0, "no overlap")
        #expect(try lock(other, theirs, RecordLocks.getLock, type: 1) == 0)
        let inTheWay = HostRecordLock(bytes: try other.copyIn(from: Scratch.buffer, count: HostRecordLock.byteSize).get())
        #expect(inTheWay.type == 1 && inTheWay.start == 0 && inTheWay.length == 10)
        try other.copyOut(HostRecordLock(type: 1, whence: 0, start: 0, length: 10, pid: 0).bytes, to: Scratch.buffer).get()
        guard case .block = SyscallTable.definitions[25]!.run(other, [UInt64(theirs), RecordLocks.setLockWaiting, Scratch.buffer, 0, 0, 0]) else {
            Issue.record("F_SETLKW in the way did not block the task")
            return
        }
        #expect(try lock(process, mine, RecordLocks.setLock, type: 2) == 0, "F_UNLCK")
        #expect(try lock(other, theirs, RecordLocks.setLockWaiting, type: 1, length: 10) == 0)
    }

    @Test func aProcessNeverStandsInItsOwnWayAndAnyCloseDropsItsLocks() throws {
        let first = try open(process), second = try open(process), theirs = try open(other)
        #expect(try lock(process, first, RecordLocks.setLock, type: 1) == 0)
        #expect(try lock(process, second, RecordLocks.setLock, type: 1) == 0, "the same owner")
        #expect(try lock(other, theirs, RecordLocks.setLock, type: 0) == Errno.EAGAIN.negated)
        #expect(process.call(57, UInt64(second)) == 0, "close")
        #expect(try lock(other, theirs, RecordLocks.setLock, type: 0) == 0, "closing either descriptor dropped the locks")
    }

    @Test func badRequestsFailAsOnLinux() throws {
        let reading = try open(process, flags: 0)
        #expect(try lock(process, reading, RecordLocks.setLock, type: 1) == Errno.EBADF.negated, "a write lock needs writing")
        #expect(try lock(process, reading, RecordLocks.setLock, type: 5) == Errno.EINVAL.negated)
        #expect(try lock(process, reading, RecordLocks.setOpenFileLock, type: 0, pid: 1) == Errno.EINVAL.negated)
        #expect(try lock(process, reading, RecordLocks.setLock, type: 0, pid: 1) == 0, "a POSIX lock's pid is ignored")
        #expect(process.call(25, UInt64(reading), RecordLocks.setLock, 8) == Errno.EFAULT.negated)
    }
}
