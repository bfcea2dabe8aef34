import Kernel
import RISCV

/// The GDB remote stub: serves one client over a `DebugConnection` at each stop of a run.
///
/// It is the run's `DebugHook`: at every stop it tells the client why (a stop reply), then answers
/// packets until one resumes the guest. Under `continue` it looks for the client's interrupt (0x03)
/// at each `.interval`. A client that goes away, or sends a packet over `PacketDecoder.maxPayload`
/// bytes, ends the run with a kill whose message is the one line printed; a bad checksum is
/// answered with `-` (and a line on stderr).
///
/// All-stop mode: the tasks of the run are gdb's threads (`GDBServer+Threads`); when one stops
/// the machine stops, and the stop reply names it. Breakpoints and watchpoints belong to a process
/// (a fork copies its parent's), armed on the hart while one of its tasks runs.
public final class GDBServer: DebugHook {
    let connection: DebugConnection
    let target: DebugTarget
    private let warn: (String) -> Void
    private var decoder = PacketDecoder()
    /// Events decoded but not yet handled (input read while polling for an interrupt).
    private var events: [PacketEvent] = []
    private var acknowledging = true
    private var lastSent: [UInt8] = []
    /// The last stop reply sent (nil before the first: `?` then names the stopped thread).
    var lastStop: String?
    /// The last resume the client asked for.
    var lastResume = DebugResume.continue
    /// Each process's breakpoints and watchpoints, by pid.
    var triggers: [Int64: ProcessTriggers] = [:]
    /// The syscalls caught: nil for none, empty for all.
    private var caughtSyscalls: Set<UInt64>?
    /// The extensions the client announced in qSupported.
    var client = ClientFeatures()
    /// The thread of `Hg` (registers, memory, breakpoints); nil: the stopped thread.
    var selected: DebugThread?
    /// The thread of `Hc` (`s`, `c`); nil: any.
    var resumeThread: DebugThread?
    /// Processes the client let go (`D;pid`, or forks it was not told of): their stops are not reported.
    var detached: Set<Int64> = []

    /// A stub for `target` over `connection`; `warn` prints one diagnostic line (a bad checksum).
    public init(connection: DebugConnection, target: DebugTarget, warn: @escaping (String) -> Void) {
        self.connection = connection
        self.target = target
        self.warn = warn
    }

    public func catchesSyscall(_ number: UInt64) -> Bool {
        guard let caughtSyscalls else { return false }
        return caughtSyscalls.isEmpty || caughtSyscalls.contains(number)
    }

    public func stopped(_ stop: DebugStop) -> DebugResume {
        let stopped = target.stoppedThread
        if detached.contains(stopped.pid) {
            switch stop {
            case .exited, .processEnded, .interval: break
            default: return .continue
            }
        }
        switch stop {
        case .started:
            return serve()
        case .stepped:
            return report(stopped: StopReply.sigtrap)
        case .interval:
            return pollInterrupt()
        case .trigger(.breakpoint(let pc)):
            var info = ""
            if client.breakKinds, let set = triggers[stopped.pid] {
                info = set.software.contains(pc) ? "swbreak:;" : set.hardware.contains(pc) ? "hwbreak:;" : ""
            }
            return report(stopped: StopReply.sigtrap, info)
        case .trigger(.watchpoint(let kind, let address)):
            return report(stopped: StopReply.sigtrap, StopReply.watchInfo(kind, address: address))
        case .syscallEntry(let number):
            return report(stopped: StopReply.sigtrap, "syscall_entry:\(Hex.number(number));")
        case .syscallReturn(let number, _):
            return report(stopped: StopReply.sigtrap, "syscall_return:\(Hex.number(number));")
        case .fatal(let reason):
            return report(stopped: StopReply.signal(for: reason))
        case .forked(let child, let vfork):
            return forked(child, vfork: vfork)
        case .vforkDone:
            return client.vforkEvents ? report(stopped: StopReply.sigtrap, "vforkdone:;") : unreported()
        case .executed(let path):
            guard client.execEvents else { return unreported() }
            return report(stopped: StopReply.sigtrap, "exec:\(Hex.encode(Array(path.utf8)));")
        case .processEnded(let pid, let status):
            return processEnded(pid, status: status)
        case .exited(let outcome):
            _ = sendPacket(StopReply.exited(outcome, process: finalProcess()))
            connection.close()
            return .detach
        }
    }

    /// Sends the stop reply of the stopped thread with `signal` and `info`, then serves the client.
    func report(stopped signal: UInt8, _ info: String = "") -> DebugResume {
        report(StopReply.stopped(signal: signal, info, thread: name(shownThread)))
    }

    /// Under `continue`: reads what the client sent; an interrupt stops the guest (SIGINT).
    private func pollInterrupt() -> DebugResume {
        guard connection.hasInput() else { return .continue }
        guard receiveEvents() else { return GDBServer.disconnected }
        guard let i = events.firstIndex(of: .interrupt) else { return .continue }
        events.remove(at: i)
        return report(stopped: StopReply.sigint)
    }

    /// Sends the stop reply `reply` and serves the client until it resumes the guest.
    func report(_ reply: String) -> DebugResume {
        lastStop = reply
        selected = nil
        guard sendPacket(reply) else { return GDBServer.disconnected }
        return serve()
    }

    static let disconnected = DebugResume.kill(message: "gdb client disconnected")

    /// Answers packets until one resumes, kills or detaches.
    func serve() -> DebugResume {
        while true {
            while events.isEmpty {
                guard receiveEvents() else { return GDBServer.disconnected }
            }
            let event = events.removeFirst()
            switch event {
            case .ack, .interrupt:
                continue
            case .nack:
                guard connection.send(lastSent) else { return GDBServer.disconnected }
            case .badChecksum:
                warn("tinyrv: gdb: packet with a bad checksum dropped")
                if acknowledging, !connection.send(Array("-".utf8)) { return GDBServer.disconnected }
            case .oversized:
                return .kill(message: "gdb client sent a packet over \(PacketDecoder.maxPayload) bytes")
            case .packet(let payload):
                if acknowledging, !connection.send(Array("+".utf8)) { return GDBServer.disconnected }
                let command = Command.parse(payload)
                switch command.map(handle) ?? .reply("E01") {
                case .reply(let text):
                    guard sendPacket(text) else { return GDBServer.disconnected }
                    if command == .startNoAckMode { acknowledging = false }
                case .replyBytes(let bytes):
                    guard sendFramed(bytes) else { return GDBServer.disconnected }
                case .resume(let resume):
                    lastResume = resume
                    return resume
                }
            }
        }
    }

    /// Reads once from the client into `events`; false when it is gone.
    private func receiveEvents() -> Bool {
        let bytes = connection.receive()
        guard !bytes.isEmpty else { return false }
        for byte in bytes {
            if let event = decoder.feed(byte) { events.append(event) }
        }
        return true
    }

    /// What a command gets: a reply, or the guest goes on.
    enum Answer {
        case reply(String)
        case replyBytes([UInt8])
        case resume(DebugResume)
    }

    /// Carries out `command`.
    private func handle(_ command: Command) -> Answer {
        switch command {
        case .supported(let features):
            client = ClientFeatures(features)
            return .reply("PacketSize=\(Hex.number(UInt64(PacketDecoder.maxPayload)));qXfer:features:read+;"
                          + "swbreak+;hwbreak+;QStartNoAckMode+;QCatchSyscalls+;vContSupported+;qXfer:threads:read+"
                          + client.acknowledged)
        case .startNoAckMode:
            return .reply("OK")
        case .readFeatures(let annex, let offset, let length):
            guard annex == "target.xml" else { return .reply("E00") }
            return transfer(Array(TargetDescription.xml(bare: target.isBare).utf8), offset: offset, length: length)
        case .readThreads(let offset, let length):
            return transfer(Array(threadList().utf8), offset: offset, length: length)
        case .haltReason:
            return .reply(lastStop ?? StopReply.stopped(signal: StopReply.sigtrap, thread: name(shownThread)))
        case .readRegisters:
            return readRegisters()
        case .writeRegisters(let bytes):
            return writeRegisters(bytes)
        case .readRegister(let number):
            guard let register = DebugRegister(number: number, bare: target.isBare), let value = read(register) else { return .reply("E01") }
            return .reply(Hex.littleEndian(value, size: register.size))
        case .writeRegister(let number, let bytes):
            guard let register = DebugRegister(number: number, bare: target.isBare), bytes.count == register.size else {
                return .reply("E01")
            }
            return .reply(write(register, bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) ? "OK" : "E01")
        case .readMemory(let address, let length):
            let bytes = target.readMemory(address, count: length, process: general.pid)
            return .reply(bytes.isEmpty && length > 0 ? "E14" : Hex.encode(bytes))
        case .writeMemory(let address, let bytes):
            return .reply(target.writeMemory(bytes, at: address, process: general.pid) ? "OK" : "E14")
        case .insertPoint(let type, let address, let length):
            return .reply(setPoint(type, address: address, length: length, present: true) ? "OK" : "E01")
        case .removePoint(let type, let address, let length):
            return .reply(setPoint(type, address: address, length: length, present: false) ? "OK" : "E01")
        case .resume(let how, let address):
            if let address { target.hart.pc = address }
            target.focus(on: how == .step ? resumeThread ?? target.stoppedThread : nil)
            return .resume(how == .step ? .step : .continue)
        case .vContQuery:
            return .reply("vCont;c;C;s;S")
        case .vCont(let actions):
            return vCont(actions)
        case .kill:
            return .resume(.kill(message: "gdb killed the guest"))
        case .detach(let pid):
            return detach(pid)
        case .attached:
            return .reply("0")
        case .currentThread:
            return .reply("QC" + name(shownThread))
        case .firstThreadInfo:
            return .reply("m" + visibleThreads().map(name).joined(separator: ","))
        case .nextThreadInfo:
            return .reply("l")
        case .setThread(let use, let id):
            return setThread(use, id)
        case .threadAlive(let id):
            return .reply(id.tid > 0 && visibleThreads().contains(where: id.matches) ? "OK" : "E01")
        case .offsets:
            return .reply("Text=0;Data=0;Bss=0")
        case .catchSyscalls(let numbers):
            caughtSyscalls = numbers.map(Set.init)
            return .reply("OK")
        case .unsupported:
            return .reply("")
        }
    }

    /// The part of `document` a `qXfer` read asks for: `m` and more to come, or `l` and the last part.
    private func transfer(_ document: [UInt8], offset: Int, length: Int) -> Answer {
        guard offset < document.count else { return .reply("l") }
        let end = min(document.count, offset + min(length, PacketDecoder.maxPayload))
        return .replyBytes(Array((end == document.count ? "l" : "m").utf8) + document[offset..<end])
    }

    /// Inserts (`present`) or removes a breakpoint or watchpoint of the `Hg` thread's process and
    /// arms the hart when that process is on it. False for a watchpoint of length 0.
    private func setPoint(_ type: Command.PointType, address: UInt64, length: UInt64, present: Bool) -> Bool {
        let pid = general.pid
        guard triggers[pid, default: ProcessTriggers()].set(type, address: address, length: length, present: present) else {
            return false
        }
        if pid == target.stoppedThread.pid { willRun(process: pid) }
        return true
    }

    public func willRun(process pid: Int64) {
        let set = triggers[pid] ?? ProcessTriggers()
        target.hart.breakpoints = set.software.union(set.hardware)
        target.hart.watchpoints = set.watchpoints
    }

    /// Frames and sends a text packet; false when the client is gone.
    func sendPacket(_ text: String) -> Bool {
        sendFramed(Array(text.utf8))
    }

    /// Frames and sends `payload` (remembered for a `-`); false when the client is gone.
    private func sendFramed(_ payload: [UInt8]) -> Bool {
        lastSent = PacketDecoder.frame(payload)
        return connection.send(lastSent)
    }
}
