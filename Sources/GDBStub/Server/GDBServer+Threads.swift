import Kernel
import RISCV

/// Tasks as gdb threads: thread lists and selection, registers of threads off the hart, per-thread
/// resumes, and the fork, vfork, exec and process-end events of the multiprocess extensions.
extension GDBServer {
    /// The thread `Hg` selected when it still lives, else the one the last stop named.
    var general: DebugThread {
        if let selected, let live = target.threads.first(where: { $0.tid == selected.tid }) { return live }
        return shownThread
    }

    /// The thread a stop names: the stopped one, or when its process was let go (an interrupt while
    /// it ran) the first thread the client debugs.
    var shownThread: DebugThread {
        let stopped = target.stoppedThread
        guard detached.contains(stopped.pid) else { return stopped }
        return visibleThreads().first ?? stopped
    }

    /// How replies name `thread`.
    func name(_ thread: DebugThread) -> String {
        ThreadID.encode(thread, multiprocess: client.multiprocess)
    }

    /// The live threads of the processes the client debugs.
    func visibleThreads() -> [DebugThread] {
        target.threads.filter { !detached.contains($0.pid) }
    }

    /// The `qXfer:threads:read` document.
    func threadList() -> String {
        let entries = visibleThreads().map { "<thread id=\"\(name($0))\" core=\"0\" name=\"\(GDBServer.escaped($0.name))\"/>\n" }
        return "<?xml version=\"1.0\"?>\n<threads>\n" + entries.joined() + "</threads>\n"
    }

    /// `text` with XML's special characters escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `Hg`/`Hc`: `-1` and `0` keep the default (the stopped thread, any thread); a thread that does
    /// not live, or belongs to a process let go, is an error.
    func setThread(_ use: Command.ThreadUse, _ id: ThreadID) -> Answer {
        var thread: DebugThread?
        if id.tid > 0 || id.pid > 0 {
            guard let match = visibleThreads().first(where: id.matches) else { return .reply("E01") }
            thread = match
        }
        switch use {
        case .general: selected = thread
        case .resume: resumeThread = thread
        }
        return .reply("OK")
    }

    /// `g` of the `Hg` thread.
    func readRegisters() -> Answer {
        var text = ""
        for register in DebugRegister.generalRegisters {
            guard let value = read(register) else { return .reply("E01") }
            text += Hex.littleEndian(value, size: register.size)
        }
        return .reply(text)
    }

    /// `G` of the `Hg` thread: 33 registers of 8 bytes.
    func writeRegisters(_ bytes: [UInt8]) -> Answer {
        guard bytes.count == DebugRegister.generalRegisters.count * 8 else { return .reply("E01") }
        for (i, register) in DebugRegister.generalRegisters.enumerated() {
            let value = bytes[(i * 8)..<(i * 8 + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard write(register, value) else { return .reply("E01") }
        }
        return .reply("OK")
    }

    /// `register` of the `Hg` thread: the hart's for the stopped thread, else its saved context.
    func read(_ register: DebugRegister) -> UInt64? {
        let thread = general
        if thread == target.stoppedThread { return register.read(target.hart) }
        return target.savedContext(of: thread).flatMap(register.read)
    }

    /// Sets `register` of the `Hg` thread; false when it cannot hold `value`.
    func write(_ register: DebugRegister, _ value: UInt64) -> Bool {
        let thread = general
        if thread == target.stoppedThread { return register.write(value, to: target.hart) }
        guard var context = target.savedContext(of: thread), register.write(value, to: &context) else { return false }
        return target.setSavedContext(context, of: thread)
    }

    /// `vCont`: one CPU runs the threads in turn, so a step of one thread runs it alone for one
    /// instruction (the others stay stopped, whatever their action). Without a step, a continue
    /// of one named thread runs it alone (gdb's step over a breakpoint) while it can run; any
    /// wider action continues all.
    func vCont(_ actions: [Command.Action]) -> Answer {
        let step = actions.first { $0.resume == .step }
        let named = actions.compactMap(\.thread).filter { $0.tid > 0 }
        guard let action = step ?? (named.count == actions.count && named.count == 1 ? actions[0] : nil) else {
            target.focus(on: nil)
            return .resume(.continue)
        }
        var thread = shownThread
        if let id = action.thread, id.tid > 0 || id.pid > 0 {
            guard let match = visibleThreads().first(where: id.matches) else { return .reply("E01") }
            thread = match
        }
        target.focus(on: thread)
        return .resume(action.resume == .step ? .step : .continue)
    }

    /// `D` lets the whole run go; `D;pid` one process, which then runs unwatched (the run goes on
    /// under the client while it debugs another).
    func detach(_ pid: Int64?) -> Answer {
        let debugged = Set(visibleThreads().map(\.pid))
        if let pid {
            guard debugged.contains(pid) else { return .reply("E01") }
            if debugged.count > 1 {
                detached.insert(pid)
                triggers[pid] = nil
                if pid == target.stoppedThread.pid { willRun(process: pid) }
                return .reply("OK")
            }
        }
        guard sendPacket("OK") else { return .resume(GDBServer.disconnected) }
        connection.close()
        return .resume(.detach)
    }

    /// A fork of the stopped thread's process: the child gets a copy of the parent's triggers and
    /// the client a `fork`/`vfork` stop when it asked for those events; else the child runs unwatched.
    func forked(_ child: DebugThread, vfork: Bool) -> DebugResume {
        guard vfork ? client.vforkEvents : client.forkEvents else {
            detached.insert(child.pid)
            return unreported()
        }
        triggers[child.pid] = triggers[target.stoppedThread.pid]
        return report(stopped: StopReply.sigtrap, "\(vfork ? "vfork" : "fork"):\(name(child));")
    }

    /// An event the client is not told of: the guest goes on, or a step it asked for ends here.
    func unreported() -> DebugResume {
        lastResume == .step ? report(stopped: StopReply.sigtrap) : .continue
    }

    /// A process other than the first ended: the client hears of it when it debugs it, and once it
    /// debugs nothing more, the stub lets the run go.
    func processEnded(_ pid: Int64, status: Int32) -> DebugResume {
        triggers[pid] = nil
        guard !detached.contains(pid), client.multiprocess else { return unreported() }
        detached.insert(pid)
        guard visibleThreads().isEmpty else { return report(StopReply.ended(process: pid, status: status)) }
        _ = sendPacket(StopReply.ended(process: pid, status: status))
        connection.close()
        return .detach
    }

    /// The process an exit reply names under multiprocess: the first process (the run's).
    func finalProcess() -> Int64? {
        client.multiprocess ? target.stoppedThread.pid : nil
    }
}
