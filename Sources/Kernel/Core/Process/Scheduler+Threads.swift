/// Threads (clone with CLONE_THREAD): more tasks of one process, sharing its address space,
/// descriptors and signal state, and the futex words they wait on.
extension Scheduler {
    /// A new task of `process` for clone with CLONE_THREAD: it starts after the ecall with a0 = 0,
    /// sp = `stack` and, with CLONE_SETTLS, tp = `tls`. Returns its tid, or `-EAGAIN` past
    /// `--max-tasks`.
    func spawnThread(_ process: Process, flags: UInt64, stack: UInt64, parentTID: UInt64, tls: UInt64,
                     childTID: UInt64) -> SyscallResult {
        typealias Flags = ProcessSyscalls
        guard tasks.count < maxTasks, let tid = allocatePID() else { return .error(.EAGAIN) }
        let task = cloneTask(tid: tid, of: process, flags: flags, stack: stack, tls: tls, childTID: childTID)
        admitThread(task)
        let tidBytes = Array(GuestBytes.words(UInt64(tid))[0..<4])
        if flags & Flags.cloneParentSettid != 0 { _ = process.copyOut(tidBytes, to: parentTID) }
        if flags & Flags.cloneChildSettid != 0 { _ = process.copyOut(tidBytes, to: childTID) }
        return .value(tid)
    }

    /// exit(2) of one thread of a process that has others: CLONE_CHILD_CLEARTID's word is zeroed
    /// and its futex woken (how pthread_join learns of it), and the task goes. Returns false when
    /// it is the process's last task (then the process exits).
    func exitThread(_ task: Task) -> Bool {
        guard tasks.contains(where: { $0 !== task && $0.process === task.process }) else { return false }
        RobustFutexList.release(task, scheduler: self)
        if let address = task.clearChildTID, case .success = task.process.copyOut([0, 0, 0, 0], to: address),
           let key = try? task.process.futexKey(address) {
            _ = wakeFutex(key, count: 1, bitset: ThreadSyscalls.matchAny)
        }
        task.state = .exited
        task.process.exitedThreadInstructions &+= task.instructions
        removeTask(task)
        return true
    }

    /// The instructions every thread of `process` has retired, the exited ones' included.
    func instructions(of process: Process) -> UInt64 {
        tasks.reduce(process.exitedThreadInstructions) { $1.process === process ? $0 &+ $1.instructions : $0 }
    }

    /// The task a clone starts (thread or process): the caller's registers with a0 = 0, pc past the
    /// ecall, sp = `stack` when not 0, tp = `tls` with CLONE_SETTLS, and CLONE_CHILD_CLEARTID's word.
    func cloneTask(tid: Int64, of process: Process, flags: UInt64, stack: UInt64, tls: UInt64, childTID: UInt64) -> Task {
        var context = hart.saveContext()
        context.integerRegisters[Register.a0] = 0
        context.pc = hart.pc &+ 4
        if stack != 0 { context.integerRegisters[Register.sp] = stack }
        if flags & ProcessSyscalls.cloneSettls != 0 { context.integerRegisters[Register.tp] = tls }
        let task = Task(tid: tid, process: process, context: context)
        if flags & ProcessSyscalls.cloneChildCleartid != 0 { task.clearChildTID = childTID }
        return task
    }

    /// The live task with thread id `tid`.
    func task(withID tid: Int64) -> Task? { tasks.first { $0.tid == tid } }
}
