import Testing
@testable import Kernel
import RISCV

@Suite struct TraceTests {
    @Test func instructionLinesShowPCBitsAndText() {
        let line = InstructionTraceFormat.line(pc: 0x10078, bits: 0x00a50533)
        #expect(line == "0x0000000000010078 00a50533  add a0, a0, a0")
        let compressed = InstructionTraceFormat.line(pc: 0x1007c, bits: 0x0505)
        #expect(compressed == "0x000000000001007c 0505      c.addi a0, 1")
    }

    @Test func trapLines() {
        #expect(Process.traceLine(for: Trap(.environmentCallFromU, pc: 0x10078)) == "trap: ecall pc=0x10078")
        #expect(Process.traceLine(for: Trap(.loadPageFault, value: 0, pc: 0x1040c)) == "trap: load page fault 0x0 pc=0x1040c")
    }

    @Test func sinkBuffersUntilFlushed() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let sink = TraceSink(fileDescriptor: fds[1])
        sink.write("one")
        sink.write("two")
        sink.flush()
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fds[0], &buffer, 64)
        #expect(String(decoding: buffer[..<max(0, n)], as: UTF8.self) == "one\ntwo\n")
    }
}

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TraceTextTests {
    @Test func quotesLikeStrace() {
        #expect(TraceText.quoted(Array("a\"b\\c\n\t\r".utf8) + [0, 0xff]) == #""a\"b\\c\n\t\r\x00\xff""#)
        #expect(TraceText.quoted(Array("ab".utf8) + [0] + Array("cd".utf8), stopAtNul: true) == #""ab""#)
    }

    @Test func buffersAreCutAndUnmappedOnesShowThePointer() {
        let memory = [UInt8](repeating: UInt8(ascii: "x"), count: 40)
        let peek: (UInt64, Int) -> [UInt8]? = { address, count in address == 0x1000 ? Array(memory.prefix(count)) : nil }
        #expect(TraceText.buffer(at: 0x1000, length: 3, peek: peek) == #""xxx""#)
        #expect(TraceText.buffer(at: 0x1000, length: 40, peek: peek) == "\"" + String(repeating: "x", count: 32) + "\"...")
        #expect(TraceText.buffer(at: 0x2000, length: 3, peek: peek) == "0x2000")
    }

    @Test func syscallLinesShowStringsAndReadData() throws {
        let openat = try #require(SyscallTable.definitions[56])
        let peek: (UInt64, Int) -> [UInt8]? = { _, count in Array(Array("sub/b.txt\0junk".utf8).prefix(count)) }
        #expect(SyscallTable.traceLine(openat, [UInt64(bitPattern: -100), 0x11000, 0, 0, 0, 0], .value(3), peek: peek)
                == #"openat(-100, "sub/b.txt", 0x0, 0x0) = 3"#)
        let read = try #require(SyscallTable.definitions[63])
        #expect(SyscallTable.traceLine(read, [0, 0x11000, 64, 0, 0, 0], .value(3), peek: peek) == #"read(0, "sub", 64) = 3"#)
        #expect(SyscallTable.traceLine(read, [0, 0x11000, 64, 0, 0, 0], .value(-9), peek: peek) == "read(0, 0x11000, 64) = -9 EBADF")
    }
}
