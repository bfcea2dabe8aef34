import Foundation
import Testing
@testable import Kernel

@Suite struct StatxSyscallsTests {
    @Test func layoutPlacesStatFieldsWhereStructStatxHasThem() throws {
        var status = stat()
        status.st_size = 0x1234
        status.st_mode = 0o100644
        status.st_nlink = 3
        status.st_uid = 1000
        status.st_gid = 100
        status.st_ino = 0xABCDEF
        status.st_blocks = 16
        status.st_blksize = 4096
        status.st_mtim = timespec(tv_sec: 1_234_567_890, tv_nsec: 5)
        status.st_dev = 0xfe01
        let bytes = StatxSyscalls.layout(HostFileStatus(status))
        #expect(bytes.count == 256)
        func u32(_ offset: Int) -> UInt64 { UInt64(GuestBytes.word(bytes, at: offset) & 0xffff_ffff) }
        #expect(u32(0) == 0x7ff && u32(4) == 4096 && u32(16) == 3 && u32(20) == 1000 && u32(24) == 100)
        #expect(GuestBytes.word(bytes, at: 28) & 0xffff == 0o100644)
        #expect(GuestBytes.word(bytes, at: 32) == 0xABCDEF && GuestBytes.word(bytes, at: 40) == 0x1234)
        #expect(GuestBytes.word(bytes, at: 48) == 16)
        #expect(GuestBytes.word(bytes, at: 112) == 1_234_567_890 && u32(120) == 5)
        #expect(u32(136) == 0xfe && u32(140) == 1, "device major and minor")
        #expect(GuestBytes.word(bytes, at: 80) == 0, "no birth time")
    }

    @Test func deviceNumbersSplitAsLinuxEncodesThem() {
        #expect(StatxSyscalls.split(0x0000_0103) == (1, 3))
        #expect(StatxSyscalls.split(0x0010_0f05) == (0xf, 0x105))
    }
}
