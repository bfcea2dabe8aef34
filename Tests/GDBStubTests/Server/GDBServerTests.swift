import Testing
import GDBStub
import Kernel
import RISCV

/// Each packet through a stub serving a bare hart, with its answers and its errors.
@Suite struct GDBServerTests {
    static let ram = StubFixture.ram

    @Test func featuresAndTargetDescription() throws {
        let f = try StubFixture(["qSupported:swbreak+;hwbreak+", "qXfer:features:read:target.xml:0,20",
                                 "qXfer:features:read:target.xml:20,100000", "qXfer:features:read:other.xml:0,10",
                                 "qXfer:features:read:target.xml:100000,10"])
        let (resume, replies) = f.serve()
        #expect(resume == .kill(message: "gdb client disconnected"))
        #expect(replies[0] == "PacketSize=4000;qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+;QCatchSyscalls+;vContSupported+;qXfer:threads:read+")
        #expect(replies[1] == "m<?xml version=\"1.0\"?>\n<!DOCTYPE ")
        #expect(replies[2].hasPrefix("ltarget SYSTEM"))
        let document = String(replies[1].dropFirst() + replies[2].dropFirst())
        for name in ["riscv:rv64", "org.gnu.gdb.riscv.cpu", "\"zero\"", "\"t6\"", "name=\"pc\"", "\"ft0\"", "\"ft11\"",
                     "name=\"fcsr\" bitsize=\"32\" type=\"int\" regnum=\"68\"", "name=\"mstatus\" bitsize=\"64\" type=\"int\" regnum=\"833\"",
                     "name=\"priv\" bitsize=\"64\" type=\"int\" regnum=\"4161\""] {
            #expect(document.contains(name), "\(name)")
        }
        #expect(!document.contains("GNU/Linux"))
        #expect(replies[3] == "E00")
        #expect(replies[4] == "l")
    }

    @Test func hostedTargetsShowNoPrivilegedRegisters() throws {
        let f = try StubFixture(["qXfer:features:read:target.xml:0,4000", "p341", "p1041", "p43"], bare: false)
        let (_, replies) = f.serve()
        #expect(replies[0].contains("<osabi>GNU/Linux</osabi>"))
        #expect(!replies[0].contains("mstatus"))
        #expect(replies[1] == "E01")
        #expect(replies[2] == "E01")
        #expect(replies[3] == "00000000")
    }

    @Test func generalRegisters() throws {
        let f = try StubFixture(["g", "G" + String(repeating: "11", count: 33 * 8), "g", "G00"])
        f.hart.setRegister(1, 0x1122_3344_5566_7788)
        let (_, replies) = f.serve()
        #expect(replies[0].count == 33 * 16)
        #expect(replies[0].hasPrefix("0000000000000000" + "8877665544332211"))
        #expect(replies[0].hasSuffix("0000008000000000"))
        #expect(replies[1] == "OK")
        #expect(f.hart.register(0) == 0)
        #expect(f.hart.register(31) == 0x1111_1111_1111_1111)
        #expect(f.hart.pc == 0x1111_1111_1111_1111)
        #expect(replies[2].hasPrefix("0000000000000000" + "1111111111111111"))
        #expect(replies[3] == "E01")
    }

    @Test func singleRegisters() throws {
        let f = try StubFixture(["p20", "P5=2a00000000000000", "p5", "P21=000000000000f03f", "P44=e0000000", "p44",
                                 "p1041", "P1041=0100000000000000", "P1041=0200000000000000", "P5=2a", "p1000", "P0=0100000000000000", "p0"])
        let (_, replies) = f.serve()
        #expect(replies[0] == "0000008000000000")
        #expect(replies[1] == "OK" && f.hart.register(5) == 42)
        #expect(replies[2] == "2a00000000000000")
        #expect(replies[3] == "OK" && f.hart.floatRegister(0) == 0x3ff0_0000_0000_0000)
        #expect(replies[4] == "OK" && f.hart.readCSR(CSRAddress.fcsr) == 0xe0)   // frm 7, flags 0
        #expect(replies[5] == "e0000000")
        #expect(replies[6] == "0300000000000000")                                 // priv: M
        #expect(replies[7] == "OK" && f.hart.privilege == .supervisor)
        #expect(replies[8] == "E01" && f.hart.privilege == .supervisor)           // no privilege 2
        #expect(replies[9] == "E01")                                              // wrong size
        #expect(replies[10] == "E01")                                             // no such register
        #expect(replies[11] == "OK" && f.hart.register(0) == 0)
        #expect(replies[12] == "0000000000000000")
    }

    @Test func memory() throws {
        let top = Self.ram + (1 << 20)
        let f = try StubFixture(["m80000000,4", "M80000000,3:aabbcc", "m80000000,4", "m\(String(top - 2, radix: 16)),4",
                                 "m\(String(top, radix: 16)),4", "M\(String(top - 1, radix: 16)),2:0102", "m0,0"]
                                + ["X80000010,4:"])
        f.connection.queue([PacketDecoder.frame(Array("X80000010,4:".utf8) + [0x7d, 0x23, 0x24, 0x00])])
        f.hart.memory.write([1, 2, 3, 4], at: Self.ram)
        f.hart.memory.write([9, 9], at: top - 2)
        let (_, replies) = f.serve()
        #expect(replies[0] == "01020304")
        #expect(replies[1] == "OK")
        #expect(replies[2] == "aabbcc04")
        #expect(replies[3] == "0909")                    // the bytes before the end of RAM
        #expect(replies[4] == "E14")
        #expect(replies[5] == "E14" && f.hart.memory.load(UInt8.self, at: top - 1) == 9)  // nothing written
        #expect(replies[6] == "")
        #expect(replies[7] == "E01")                     // X with fewer bytes than its length
        #expect(replies[8] == "OK")
        #expect(f.hart.memory.read(at: Self.ram + 0x10, length: 4) == [0x7d, 0x23, 0x24, 0x00])
    }

    @Test func breakpointsAndWatchpointsArmTheHart() throws {
        let f = try StubFixture(["Z0,80000010,2", "Z1,80000020,4", "Z2,80001000,4", "Z3,80001000,8", "Z4,80001008,1",
                                 "Z2,80001000,0", "Z2,80001000,4"])
        _ = f.serve()
        #expect(f.hart.breakpoints == [Self.ram + 0x10, Self.ram + 0x20])
        #expect(f.hart.watchpoints == [Watchpoint(address: Self.ram + 0x1000, length: 4, kind: .write),
                                       Watchpoint(address: Self.ram + 0x1000, length: 8, kind: .read),
                                       Watchpoint(address: Self.ram + 0x1008, length: 1, kind: .access)])
        #expect(f.connection.replies == ["OK", "OK", "OK", "OK", "OK", "E01", "OK"])
        f.connection.queue(["z0,80000010,2", "z2,80001000,4", "z4,80001008,1", "z3,80001000,8", "z1,80000020,4", "z1,80000020,4"]
            .map { PacketDecoder.frame(Array($0.utf8)) })
        _ = f.server.stopped(.stepped)
        #expect(f.hart.breakpoints.isEmpty)
        #expect(f.hart.watchpoints.isEmpty)
    }

    @Test func threadsAndQueries() throws {
        let f = try StubFixture(["?", "qAttached", "qC", "qfThreadInfo", "qsThreadInfo", "Hg1", "Hc-1", "Hg2", "T1", "T2",
                                 "qOffsets", "vCont?", "qTStatus", "QCatchSyscalls:1;40", "m10", "QCatchSyscalls:0"])
        let (_, replies) = f.serve()
        #expect(replies == ["T05thread:1;", "0", "QC1", "m1", "l", "OK", "OK", "E01", "OK", "E01",
                            "Text=0;Data=0;Bss=0", "vCont;c;C;s;S", "", "OK", "E01", "OK"])
        #expect(!f.server.catchesSyscall(0x40))
    }

    @Test func catchSyscallsSelectsNumbers() throws {
        let f = try StubFixture(["QCatchSyscalls:1;40;5d", "c"])
        _ = f.serve()
        #expect(f.server.catchesSyscall(0x40) && f.server.catchesSyscall(0x5d) && !f.server.catchesSyscall(0x3f))
        f.connection.queue([PacketDecoder.frame(Array("QCatchSyscalls:1".utf8))])
        _ = f.server.stopped(.stepped)
        #expect(f.server.catchesSyscall(0x3f))
    }

    @Test func resumes() throws {
        for (packet, expected) in [("c", DebugResume.continue), ("s", .step), ("vCont;s:1", .step), ("vCont;c", .continue),
                                   ("C0b", .continue), ("k", .kill(message: "gdb killed the guest"))] {
            let f = try StubFixture([packet])
            #expect(f.serve().0 == expected, "\(packet)")
        }
        let f = try StubFixture(["c80000040"])
        #expect(f.serve().0 == .continue && f.hart.pc == Self.ram + 0x40)
        let d = try StubFixture(["D", "g"])
        let (resume, replies) = d.serve()
        #expect(resume == .detach && replies == ["OK"] && d.connection.closed)
    }

    @Test func stopReplies() throws {
        let f = try StubFixture(["qSupported:swbreak+", "Z0,80000010,2", "Z1,80000020,2", "c"])
        _ = f.serve()
        let stops: [(DebugStop, String)] = [
            (.stepped, "T05thread:1;"),
            (.trigger(.breakpoint(pc: Self.ram + 0x10)), "T05swbreak:;thread:1;"),
            (.trigger(.breakpoint(pc: Self.ram + 0x20)), "T05hwbreak:;thread:1;"),
            (.trigger(.watchpoint(.write, address: 0x1234)), "T05watch:1234;thread:1;"),
            (.trigger(.watchpoint(.read, address: 0x1234)), "T05rwatch:1234;thread:1;"),
            (.trigger(.watchpoint(.access, address: 0x1234)), "T05awatch:1234;thread:1;"),
            (.syscallEntry(number: 64), "T05syscall_entry:40;thread:1;"),
            (.syscallReturn(number: 64, result: 3), "T05syscall_return:40;thread:1;"),
            (.fatal(.memoryFault), "T0bthread:1;"),
        ]
        for (stop, reply) in stops {
            f.connection.queue([PacketDecoder.frame(Array("?".utf8)), PacketDecoder.frame(Array("c".utf8))])
            let before = f.connection.replies.count
            #expect(f.server.stopped(stop) == .continue)
            #expect(Array(f.connection.replies[before...]) == [reply, reply])
        }
    }

    @Test func exitsAndKills() throws {
        for (outcome, reply) in [(ExitOutcome.exited(code: 0x12a), "W2a"), (.killed(.illegalInstruction, message: ""), "X04"),
                                 (.killed(.debugger, message: ""), "X09"), (.budgetExhausted, "X18")] {
            let f = try StubFixture()
            #expect(f.server.stopped(.exited(outcome)) == .detach)
            #expect(f.connection.replies == [reply])
            #expect(f.connection.closed)
        }
    }

    @Test func interruptsAreSeenAtIntervals() throws {
        let f = try StubFixture(["c"])
        _ = f.serve()
        f.connection.queue([Array("+".utf8)])
        #expect(f.server.stopped(.interval) == .continue)
        f.connection.queue([[0x03], PacketDecoder.frame(Array("s".utf8))])
        #expect(f.server.stopped(.interval) == .step)
        #expect(f.connection.replies.last == "T02thread:1;")
        #expect(f.server.stopped(.interval) == .kill(message: "gdb client disconnected"))
    }

    @Test func acknowledgementsAndNoAckMode() throws {
        let f = try StubFixture(chunks: [PacketDecoder.frame(Array("qC".utf8)), Array("-".utf8),
                                         PacketDecoder.frame(Array("QStartNoAckMode".utf8)), PacketDecoder.frame(Array("qC".utf8))])
        _ = f.serve()
        #expect(String(decoding: f.connection.sent, as: UTF8.self) == "+$QC1#c5$QC1#c5+$OK#9a$QC1#c5")
    }

    @Test func badChecksumsAreRefusedAndOversizedPacketsEndTheRun() throws {
        let oversized = [UInt8(ascii: "$")] + [UInt8](repeating: 0x61, count: 20000) + Array("#00".utf8)
        let f = try StubFixture(chunks: [Array("$qC#00".utf8), PacketDecoder.frame(Array("qC".utf8)), oversized])
        let (resume, _) = f.serve()
        #expect(String(decoding: f.connection.sent, as: UTF8.self) == "-+$QC1#c5")
        #expect(f.warnings.lines == ["tinyrv: gdb: packet with a bad checksum dropped"])
        #expect(resume == .kill(message: "gdb client sent a packet over 16384 bytes"))
    }
}
