import Testing
@testable import GDBStub

@Suite struct CommandTests {
    func parse(_ text: String) -> Command? {
        Command.parse(Array(text.utf8))
    }

    @Test func registersAndMemory() {
        #expect(parse("g") == .readRegisters)
        #expect(parse("G0102") == .writeRegisters([1, 2]))
        #expect(parse("p21") == .readRegister(0x21))
        #expect(parse("P20=0010000000000000") == .writeRegister(0x20, [0, 0x10, 0, 0, 0, 0, 0, 0]))
        #expect(parse("m10000,40") == .readMemory(address: 0x10000, length: 0x40))
        #expect(parse("M2000,2:abcd") == .writeMemory(address: 0x2000, bytes: [0xab, 0xcd]))
        #expect(parse("X2000,2:\u{01}#") == .writeMemory(address: 0x2000, bytes: [1, 0x23]))
        #expect(parse("X2000,0:") == .writeMemory(address: 0x2000, bytes: []))
    }

    @Test func malformedAreNil() {
        for text in ["gx", "G012", "pzz", "p", "P20", "P20=xy", "m10", "m10,", "m,4", "mzz,4", "m10,4000000",
                     "m11111111111111111,1", "M10,2:abc", "M10,3:abcd", "X10,2:a", "Z9,10,4", "Z0,10", "cxyz",
                     "Cxx", "H", "Tq", "Hx1", "Hgp", "Hgp1.", "Tp1.zz", "D;", "D;zz", "vCont;", "qXfer:threads:read:x:0,1", "qXfer:threads:read::0", "vCont;x", "vCont;s:zz", "qXfer:features:read:target.xml:0",
                     "QCatchSyscalls:1;xx", "QCatchSyscalls:2"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }

    @Test func breakpointsAndWatchpoints() {
        #expect(parse("Z0,101a4,2") == .insertPoint(.software, address: 0x101a4, length: 2))
        #expect(parse("z1,101a4,4") == .removePoint(.hardware, address: 0x101a4, length: 4))
        #expect(parse("Z2,12000,4") == .insertPoint(.write, address: 0x12000, length: 4))
        #expect(parse("Z3,12000,8") == .insertPoint(.read, address: 0x12000, length: 8))
        #expect(parse("Z4,12000,1;X1,0") == .insertPoint(.access, address: 0x12000, length: 1))
    }

    @Test func execution() {
        #expect(parse("c") == .resume(.continue, address: nil))
        #expect(parse("s10000") == .resume(.step, address: 0x10000))
        #expect(parse("C05") == .resume(.continue, address: nil))
        #expect(parse("S05;10") == .resume(.step, address: 0x10))
        #expect(parse("vCont?") == .vContQuery)
        #expect(parse("vCont;s:1;c") == .vCont([.init(resume: .step, thread: ThreadID(pid: 0, tid: 1)), .init(resume: .continue, thread: nil)]))
        #expect(parse("vCont;c") == .vCont([.init(resume: .continue, thread: nil)]))
        #expect(parse("vCont;s:p64.66;c:p-1.-1") == .vCont([.init(resume: .step, thread: ThreadID(pid: 0x64, tid: 0x66)),
                                                            .init(resume: .continue, thread: ThreadID(pid: -1, tid: -1))]))
        #expect(parse("k") == .kill)
        #expect(parse("vKill;1") == .kill)
        #expect(parse("D") == .detach(pid: nil))
        #expect(parse("D;65") == .detach(pid: 0x65))
        #expect(parse("?") == .haltReason)
    }

    @Test func queries() {
        #expect(parse("qSupported:multiprocess+;swbreak+;hwbreak+") == .supported(["multiprocess+", "swbreak+", "hwbreak+"]))
        #expect(parse("QStartNoAckMode") == .startNoAckMode)
        #expect(parse("qXfer:features:read:target.xml:0,ffb") == .readFeatures(annex: "target.xml", offset: 0, length: 0xffb))
        #expect(parse("qAttached:1") == .attached)
        #expect(parse("qC") == .currentThread)
        #expect(parse("qfThreadInfo") == .firstThreadInfo)
        #expect(parse("qsThreadInfo") == .nextThreadInfo)
        #expect(parse("Hg0") == .setThread(.general, ThreadID(pid: 0, tid: 0)))
        #expect(parse("Hc-1") == .setThread(.resume, ThreadID(pid: 0, tid: -1)))
        #expect(parse("Hgp64.65") == .setThread(.general, ThreadID(pid: 0x64, tid: 0x65)))
        #expect(parse("Hgp64") == .setThread(.general, ThreadID(pid: 0x64, tid: -1)))
        #expect(parse("T1") == .threadAlive(ThreadID(pid: 0, tid: 1)))
        #expect(parse("qXfer:threads:read::0,fff") == .readThreads(offset: 0, length: 0xfff))
        #expect(parse("qOffsets") == .offsets)
        #expect(parse("QCatchSyscalls:0") == .catchSyscalls(nil))
        #expect(parse("QCatchSyscalls:1") == .catchSyscalls([]))
        #expect(parse("QCatchSyscalls:1;40;5d") == .catchSyscalls([0x40, 0x5d]))
        #expect(parse("qTStatus") == .unsupported)
        #expect(parse("vMustReplyEmpty") == .unsupported)
        #expect(parse("") == .unsupported)
        #expect(parse("!") == .unsupported)
    }
}
