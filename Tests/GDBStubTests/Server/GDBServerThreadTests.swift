import Testing
import GDBStub
import Kernel
import RISCV

/// The thread and multiprocess packets against a target of four threads in two processes.
@Suite struct GDBServerThreadTests {
    @Test func supportedAnnouncesOnlyOfferedExtensions() throws {
        let f = try ThreadedFixture([])
        _ = f.serve()
        #expect(f.connection.replies[0].hasSuffix(";qXfer:threads:read+;multiprocess+;fork-events+;vfork-events+;exec-events+"))
        let plain = try ThreadedFixture([], features: "swbreak+")
        _ = plain.serve()
        #expect(plain.connection.replies[0].hasSuffix("vContSupported+;qXfer:threads:read+"))
    }

    @Test func threadListsAndCurrentThread() throws {
        let f = try ThreadedFixture(["qC", "qfThreadInfo", "qsThreadInfo", "qXfer:threads:read::0,1000", "qXfer:threads:read::1000,10",
                                     "qXfer:threads:read:x:0,10", "?"])
        let (_, replies) = f.serve()
        #expect(replies[0] == "QCp64.64")
        #expect(replies[1] == "mp64.64,p64.65,p64.66,p67.67")
        #expect(replies[2] == "l")
        #expect(replies[3] == "l<?xml version=\"1.0\"?>\n<threads>\n<thread id=\"p64.64\" core=\"0\" name=\"main\"/>\n"
                + "<thread id=\"p64.65\" core=\"0\" name=\"work&lt;1&gt;\"/>\n<thread id=\"p64.66\" core=\"0\" name=\"work\"/>\n"
                + "<thread id=\"p67.67\" core=\"0\" name=\"child\"/>\n</threads>\n")
        #expect(replies[4] == "l")
        #expect(replies[5] == "E01")
        #expect(replies[6] == "T05thread:p64.64;")
    }

    @Test func plainThreadIDsWithoutMultiprocess() throws {
        let f = try ThreadedFixture(["qC", "qfThreadInfo", "Hg65", "p0a"], features: "swbreak+")
        let (_, replies) = f.serve()
        #expect(replies == ["QC64", "m64,65,66,67", "OK", "6500000000000000"])
    }

    @Test func threadAliveAndSelection() throws {
        let f = try ThreadedFixture(["Tp64.65", "Tp64.99", "Tp-1.-1", "T65", "Hgp64.99", "Hgp67.-1", "m10,2", "Hg0", "m10,2",
                                     "Hcp64.66", "Hc-1", "Hq"])
        let (_, replies) = f.serve()
        #expect(replies == ["OK", "E01", "E01", "OK", "E01", "OK", "6767", "OK", "6464", "OK", "OK", "E01"])
        #expect(f.target.memoryReads == [0x67, 0x64])
    }

    @Test func registersOfAThreadOffTheHart() throws {
        let f = try ThreadedFixture(["Hgp64.66", "p20", "p0a", "P0a=2a00000000000000", "P0=0100000000000000", "p0", "g",
                                     "P44=e0000000", "p44", "p1041", "Hgp64.64", "p20"])
        f.hart.pc = 0x64000
        let (_, replies) = f.serve()
        #expect(replies[0] == "OK")
        #expect(replies[1] == Hex64.le(0x66000))
        #expect(replies[2] == Hex64.le(0x66))
        #expect(replies[3] == "OK" && f.target.contexts[0x66]?.integerRegisters[10] == 42)
        #expect(replies[4] == "OK" && replies[5] == Hex64.le(0))
        #expect(replies[6].count == 33 * 16 && replies[6].hasSuffix(Hex64.le(0x66000)))
        #expect(replies[7] == "OK" && replies[8] == "e0000000" && f.target.contexts[0x66]?.fcsr == 0xe0)
        #expect(replies[9] == "E01")
        #expect(replies[11] == Hex64.le(0x64000))
        #expect(f.hart.register(10) == 0)
    }

    @Test func vContStepsOneThread() throws {
        let f = try ThreadedFixture(["vCont;s:p64.65;c"])
        #expect(f.serve().0 == .step)
        #expect(f.target.focused == ThreadedFixture.threads[1])
        let g = try ThreadedFixture(["vCont;c:p-1.-1"])
        #expect(g.serve().0 == .continue && g.target.focused == nil && g.target.focusCalls == 1)
        let alone = try ThreadedFixture(["vCont;c:p64.66"])
        #expect(alone.serve().0 == .continue && alone.target.focused == ThreadedFixture.threads[2])
        let wide = try ThreadedFixture(["vCont;c:p64.66;c"])
        #expect(wide.serve().0 == .continue && wide.target.focused == nil)
        let h = try ThreadedFixture(["vCont;s:p64.99;c", "vCont;s"])
        let (resume, replies) = h.serve()
        #expect(replies == ["E01"] && resume == .step && h.target.focused == ThreadedFixture.threads[0])
        let c = try ThreadedFixture(["Hcp64.66", "s"])
        #expect(c.serve().0 == .step && c.target.focused == ThreadedFixture.threads[2])
        let d = try ThreadedFixture(["Hcp64.66", "c"])
        #expect(d.serve().0 == .continue && d.target.focused == nil && d.target.focusCalls == 1)
    }

    @Test func stopRepliesNameTheStoppedThread() throws {
        let f = try ThreadedFixture(["c"])
        _ = f.serve()
        f.target.stoppedThread = ThreadedFixture.threads[2]
        for (stop, expected) in [(DebugStop.stepped, "T05thread:p64.66;"),
                                 (.forked(child: DebugThread(pid: 0x68, tid: 0x68, name: "main"), vfork: false), "T05fork:p68.68;thread:p64.66;"),
                                 (.forked(child: DebugThread(pid: 0x69, tid: 0x69, name: "main"), vfork: true), "T05vfork:p69.69;thread:p64.66;"),
                                 (.vforkDone, "T05vforkdone:;thread:p64.66;"),
                                 (.executed(path: "/bin/a"), "T05exec:2f62696e2f61;thread:p64.66;"),
                                 (.processEnded(pid: 0x67, status: 3 << 8), "W03;process:67")] {
            f.queue(["c"])
            _ = f.server.stopped(stop)
            #expect(f.connection.replies.last == expected, "\(stop)")
        }
    }

    @Test func forkCopiesTheParentsBreakpoints() throws {
        let f = try ThreadedFixture(["Z0,4000,4", "Z2,8000,8", "c"])
        _ = f.serve()
        #expect(f.hart.breakpoints == [0x4000] && f.hart.watchpoints.count == 1)
        f.queue(["Hgp68.68", "z0,4000,4", "c"])
        f.target.threads.append(DebugThread(pid: 0x68, tid: 0x68, name: "main"))
        _ = f.server.stopped(.forked(child: DebugThread(pid: 0x68, tid: 0x68, name: "main"), vfork: false))
        #expect(f.hart.breakpoints == [0x4000])
        f.server.willRun(process: 0x68)
        #expect(f.hart.breakpoints.isEmpty && f.hart.watchpoints.count == 1)
        f.server.willRun(process: 0x67)
        #expect(f.hart.breakpoints.isEmpty && f.hart.watchpoints.isEmpty)
    }

    @Test func detachingOneProcessHidesItsStops() throws {
        let f = try ThreadedFixture(["D;67", "qfThreadInfo", "D;67", "Tp67.67", "c"])
        let (resume, replies) = f.serve()
        #expect(replies == ["OK", "mp64.64,p64.65,p64.66", "E01", "E01"] && resume == .continue && !f.connection.closed)
        f.target.stoppedThread = ThreadedFixture.threads[3]
        let sent = f.connection.replies.count
        #expect(f.server.stopped(.trigger(.breakpoint(pc: 0x4000))) == .continue)
        #expect(f.connection.replies.count == sent)
        f.connection.queue([[3]])
        f.queue(["qC", "g", "c"])
        _ = f.server.stopped(.interval)
        #expect(f.connection.replies.suffix(3) == ["T02thread:p64.64;", "QCp64.64", String(f.connection.replies.last!)])
        #expect(f.connection.replies.last!.hasSuffix(Hex64.le(0x64000)), "pc of thread 64 off the hart")
        f.target.stoppedThread = ThreadedFixture.threads[0]
        f.queue(["D;64"])
        #expect(f.server.stopped(.stepped) == .detach && f.connection.closed)
    }

    @Test func eventsTheClientDidNotAskForAreNotReported() throws {
        let f = try ThreadedFixture(["c"], features: "swbreak+")
        _ = f.serve()
        let sent = f.connection.replies.count
        #expect(f.server.stopped(.forked(child: DebugThread(pid: 0x68, tid: 0x68, name: "x"), vfork: false)) == .continue)
        #expect(f.server.stopped(.executed(path: "/x")) == .continue)
        #expect(f.server.stopped(.processEnded(pid: 0x67, status: 0)) == .continue)
        #expect(f.connection.replies.count == sent)
        f.queue(["s"])
        _ = f.server.stopped(.stepped)
        f.queue(["c"])
        _ = f.server.stopped(.executed(path: "/x"))
        #expect(f.connection.replies.last == "T05thread:64;")
    }

    @Test func lastProcessEndingLetsTheRunGo() throws {
        let f = try ThreadedFixture(["D;64", "c"])
        _ = f.serve()
        f.target.threads.removeAll { $0.pid == 0x67 }
        #expect(f.server.stopped(.processEnded(pid: 0x67, status: 9)) == .detach)
        #expect(f.connection.replies.last == "X09;process:67" && f.connection.closed)
    }
}

/// Register values as the protocol writes them.
enum Hex64 {
    static func le(_ value: UInt64) -> String {
        (0..<8).map { (i: UInt64) -> String in
            let byte = String(UInt8(truncatingIfNeeded: value >> (8 * i)), radix: 16)
            return byte.count == 1 ? "0" + byte : byte
        }.joined()
    }
}
