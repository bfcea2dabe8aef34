import Kernel
import RISCV

/// The GDB remote stub: serves one client over a `DebugConnection` at each stop of a run.
///
/// It is the run's `DebugHook`: at every stop it tells the client why (a stop reply), then answers
/// packets until one resumes the guest. Under `continue` it looks for the client's interrupt (0x03)
/// at each `.interval`. A client that goes away, or sends a packet over `PacketDecoder.maxPayload`
/// bytes, ends the run with a kill whose message is the one line printed; a bad checksum is
/// answered with `-` (and a line on stderr). All-stop mode, one thread (id 1).
public final class GDBServer: DebugHook {
    private let connection: DebugConnection
    private let target: DebugTarget
    private let warn: (String) -> Void
    private var decoder = PacketDecoder()
    /// Events decoded but not yet handled (input read while polling for an interrupt).
    private var events: [PacketEvent] = []
    private var acknowledging = true
    private var lastSent: [UInt8] = []
    private var lastStop = StopReply.stopped(signal: StopReply.sigtrap)
    private var softwareBreakpoints: Set<UInt64> = []
    private var hardwareBreakpoints: Set<UInt64> = []
    /// The syscalls caught: nil for none, empty for all.
    private var caughtSyscalls: Set<UInt64>?
    /// Whether the client takes `swbreak`/`hwbreak` in stop replies.
    private var clientKnowsBreakKinds = false

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
        switch stop {
        case .started:
            return serve()
        case .stepped:
            return report(StopReply.stopped(signal: StopReply.sigtrap))
        case .interval:
            return pollInterrupt()
        case .trigger(.breakpoint(let pc)):
            var info = ""
            if clientKnowsBreakKinds {
                info = softwareBreakpoints.contains(pc) ? "swbreak:;" : hardwareBreakpoints.contains(pc) ? "hwbreak:;" : ""
            }
            return report(StopReply.stopped(signal: StopReply.sigtrap, info))
        case .trigger(.watchpoint(let kind, let address)):
            return report(StopReply.stopped(signal: StopReply.sigtrap, StopReply.watchInfo(kind, address: address)))
        case .syscallEntry(let number):
            return report(StopReply.stopped(signal: StopReply.sigtrap, "syscall_entry:\(Hex.number(number));"))
        case .syscallReturn(let number, _):
            return report(StopReply.stopped(signal: StopReply.sigtrap, "syscall_return:\(Hex.number(number));"))
        case .fatal(let reason):
            return report(StopReply.stopped(signal: StopReply.signal(for: reason)))
        case .exited(let outcome):
            _ = sendPacket(StopReply.exited(outcome))
            connection.close()
            return .detach
        }
    }

    /// Under `continue`: reads what the client sent; an interrupt stops the guest (SIGINT).
    private func pollInterrupt() -> DebugResume {
        guard connection.hasInput() else { return .continue }
        guard receiveEvents() else { return GDBServer.disconnected }
        guard let i = events.firstIndex(of: .interrupt) else { return .continue }
        events.remove(at: i)
        return report(StopReply.stopped(signal: StopReply.sigint))
    }

    /// Sends the stop reply `reply` and serves the client until it resumes the guest.
    private func report(_ reply: String) -> DebugResume {
        lastStop = reply
        guard sendPacket(reply) else { return GDBServer.disconnected }
        return serve()
    }

    static let disconnected = DebugResume.kill(message: "gdb client disconnected")

    /// Answers packets until one resumes, kills or detaches.
    private func serve() -> DebugResume {
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
            clientKnowsBreakKinds = features.contains("swbreak+")
            return .reply("PacketSize=\(Hex.number(UInt64(PacketDecoder.maxPayload)));qXfer:features:read+;"
                          + "swbreak+;hwbreak+;QStartNoAckMode+;QCatchSyscalls+;vContSupported+")
        case .startNoAckMode:
            return .reply("OK")
        case .readFeatures(let annex, let offset, let length):
            guard annex == "target.xml" else { return .reply("E00") }
            let document = Array(TargetDescription.xml(bare: target.isBare).utf8)
            guard offset < document.count else { return .reply("l") }
            let end = min(document.count, offset + min(length, PacketDecoder.maxPayload))
            return .replyBytes(Array((end == document.count ? "l" : "m").utf8) + document[offset..<end])
        case .haltReason:
            return .reply(lastStop)
        case .readRegisters:
            return .reply(DebugRegister.generalRegisters.map { Hex.littleEndian($0.read(target.hart), size: $0.size) }.joined())
        case .writeRegisters(let bytes):
            guard bytes.count == DebugRegister.generalRegisters.count * 8 else { return .reply("E01") }
            for (i, register) in DebugRegister.generalRegisters.enumerated() {
                let value = bytes[(i * 8)..<(i * 8 + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                _ = register.write(value, to: target.hart)
            }
            return .reply("OK")
        case .readRegister(let number):
            guard let register = DebugRegister(number: number, bare: target.isBare) else { return .reply("E01") }
            return .reply(Hex.littleEndian(register.read(target.hart), size: register.size))
        case .writeRegister(let number, let bytes):
            guard let register = DebugRegister(number: number, bare: target.isBare), bytes.count == register.size else {
                return .reply("E01")
            }
            let value = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return .reply(register.write(value, to: target.hart) ? "OK" : "E01")
        case .readMemory(let address, let length):
            let bytes = target.readMemory(address, count: length)
            return .reply(bytes.isEmpty && length > 0 ? "E14" : Hex.encode(bytes))
        case .writeMemory(let address, let bytes):
            return .reply(target.writeMemory(bytes, at: address) ? "OK" : "E14")
        case .insertPoint(let type, let address, let length):
            return .reply(setPoint(type, address: address, length: length, present: true) ? "OK" : "E01")
        case .removePoint(let type, let address, let length):
            return .reply(setPoint(type, address: address, length: length, present: false) ? "OK" : "E01")
        case .resume(let how, let address):
            if let address { target.hart.pc = address }
            return .resume(how == .step ? .step : .continue)
        case .vContQuery:
            return .reply("vCont;c;C;s;S")
        case .vCont(let how):
            return .resume(how == .step ? .step : .continue)
        case .kill:
            return .resume(.kill(message: "gdb killed the guest"))
        case .detach:
            guard sendPacket("OK") else { return .resume(GDBServer.disconnected) }
            connection.close()
            return .resume(.detach)
        case .attached:
            return .reply("0")
        case .currentThread:
            return .reply("QC1")
        case .firstThreadInfo:
            return .reply("m1")
        case .nextThreadInfo:
            return .reply("l")
        case .setThread(let id), .threadAlive(let id):
            return .reply(id == 1 || id == 0 || id == -1 ? "OK" : "E01")
        case .offsets:
            return .reply("Text=0;Data=0;Bss=0")
        case .catchSyscalls(let numbers):
            caughtSyscalls = numbers.map(Set.init)
            return .reply("OK")
        case .unsupported:
            return .reply("")
        }
    }

    /// Inserts (`present`) or removes a breakpoint or watchpoint and arms the hart with the rest.
    /// False for a watchpoint of length 0.
    private func setPoint(_ type: Command.PointType, address: UInt64, length: UInt64, present: Bool) -> Bool {
        let kind: WatchKind
        switch type {
        case .software, .hardware:
            if type == .software {
                if present { softwareBreakpoints.insert(address) } else { softwareBreakpoints.remove(address) }
            } else {
                if present { hardwareBreakpoints.insert(address) } else { hardwareBreakpoints.remove(address) }
            }
            target.hart.breakpoints = softwareBreakpoints.union(hardwareBreakpoints)
            return true
        case .write: kind = .write
        case .read: kind = .read
        case .access: kind = .access
        }
        guard length > 0 else { return false }
        let watchpoint = Watchpoint(address: address, length: length, kind: kind)
        var watchpoints = target.hart.watchpoints
        if present {
            if !watchpoints.contains(watchpoint) { watchpoints.append(watchpoint) }
        } else {
            watchpoints.removeAll { $0 == watchpoint }
        }
        target.hart.watchpoints = watchpoints
        return true
    }

    /// Frames and sends a text packet; false when the client is gone.
    private func sendPacket(_ text: String) -> Bool {
        sendFramed(Array(text.utf8))
    }

    /// Frames and sends `payload` (remembered for a `-`); false when the client is gone.
    private func sendFramed(_ payload: [UInt8]) -> Bool {
        lastSent = PacketDecoder.frame(payload)
        return connection.send(lastSent)
    }
}
