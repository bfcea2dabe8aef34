import Testing
@testable import Kernel

/// The guest holds tinyrv's own credentials: it may ask for them again, never for others.
@Suite struct CredentialSyscallsTests {
    let process: Process
    init() throws { process = try Fixtures.process(pages: 512) }

    @Test func idsAreTheHostsAndOnlyThoseCanBeSet() throws {
        #expect(process.syscall("getresuid", [0x11000, 0x11004, 0x11008]) == .value(0))
        #expect(process.peek(0x11000, count: 4) == GuestBytes.word32(Host.userID))
        #expect(process.peek(0x11004, count: 4) == GuestBytes.word32(Host.effectiveUserID))
        #expect(process.syscall("getresgid", [0x11000, 0x10000, 0x11008]) == .error(.EFAULT), "0x10000 is not writable")
        let other = UInt64(Host.userID == 4242 ? 4243 : 4242)
        #expect(process.syscall("setuid", [UInt64(Host.userID)]) == .value(0))
        #expect(process.syscall("setuid", [other]) == .error(.EPERM))
        #expect(process.syscall("setresuid", [CredentialSyscalls.unchanged, other, CredentialSyscalls.unchanged]) == .error(.EPERM))
        #expect(process.syscall("setresgid", [CredentialSyscalls.unchanged, CredentialSyscalls.unchanged, UInt64(Host.groupID)]) == .value(0))
        #expect(process.syscall("setgroups", [1, 0x11000]) == (try Host.supplementaryGroupIDs().get() == [0] ? .value(0) : .error(.EPERM)))
        #expect(process.syscall("setgroups", [UInt64(bitPattern: -1), 0x11000]) == .error(.EINVAL))
    }

    @Test func capabilitiesAreTheHostsInTheVersionAsked() throws {
        try process.copyOut(GuestBytes.word32(0x1234) + GuestBytes.word32(0), to: 0x11000).get()
        #expect(process.syscall("capget", [0x11000, 0]) == .value(0), "an unknown version with no data is a probe")
        #expect(process.peek(0x11000, count: 4) == GuestBytes.word32(CredentialSyscalls.capabilityVersion3))
        try process.copyOut(GuestBytes.word32(CredentialSyscalls.capabilityVersion1), to: 0x11000).get()
        try process.copyOut([UInt8](repeating: 0xee, count: 24), to: 0x11100).get()
        #expect(process.syscall("capget", [0x11000, 0x11100]) == .value(0))
        let sets = try Host.capabilities().get()
        #expect(process.peek(0x11100, count: 12) == sets.prefix(3).flatMap { GuestBytes.word32($0) })
        #expect(process.peek(0x1110c, count: 4) == [0xee, 0xee, 0xee, 0xee], "version 1 has one set")
        try process.copyOut(GuestBytes.word32(~sets[1]), to: 0x11104).get()
        #expect(process.syscall("capset", [0x11000, 0x11100]) == .error(.EPERM), "other sets than tinyrv's")
    }

    @Test func parentDeathSignalIsKeptButNotForked() throws {
        #expect(process.syscall("prctl", [IdentitySyscalls.setParentDeathSignal, 15]) == .value(0))
        #expect(process.family.parentDeathSignal == 15)
        let child = Process(forking: process, addressSpace: process.addressSpace, files: process.files, fileSystem: process.fileSystem)
        #expect(child.family.parentDeathSignal == 0)
        #expect(process.syscall("prctl", [IdentitySyscalls.setParentDeathSignal, 65]) == .error(.EINVAL))
        #expect(process.syscall("personality", [0x0040000]) == .value(0))
        #expect(process.syscall("personality", [0xffff_ffff]) == .value(0x0040000))
    }
}
