/// Deadlocks: when no task can run, the scheduler sleeps on the host only for what the host can
/// change (a descriptor outside tinyrv, a deadline). A pipe whose ends are all held by tinyrv's
/// tasks is a kernel event like a futex: only a task can make it ready, so waiting on it alone
/// with every task blocked is a deadlock, which ends the run naming each blocked task.
extension Scheduler {
    /// The descriptors of `condition` (a task of `process` waits on) that the host could make
    /// ready: all but the guest's pipes.
    func hostWaitable(_ condition: WaitCondition, of process: Process) -> [HostPollRecord] {
        condition.descriptors.filter { $0.descriptor.map { !isGuestPipe($0, of: process) } ?? false }
    }

    /// True when host descriptor `fd` is an end of a pipe the guest made (`pipe2`) in `process`'s
    /// table: both ends are only ever held by tinyrv's tasks.
    func isGuestPipe(_ fd: HostDescriptor, of process: Process) -> Bool {
        process.files.openDescriptors.contains { guestFD in
            if case .pipe(let host, _) = process.files[Int64(guestFD)] { return host == fd }
            return false
        }
    }

    /// The deadlock's message: every blocked task with what it waits for and its pc, e.g.
    /// `deadlock: every task is blocked: tid 100 futex_wait at pc 0x10a4c, tid 101 read of a pipe at pc 0x10b00`.
    func deadlockMessage() -> String {
        let blocked = tasks.compactMap { task -> String? in
            guard case .blocked(let condition) = task.state else { return nil }
            let pc = task === current ? hart.pc : task.context.pc
            return "tid \(task.tid) \(waitDescription(condition, of: task)) at pc \(hex(pc))"
        }
        return "deadlock: every task is blocked: " + blocked.joined(separator: ", ")
    }

    /// What a blocked task waits for, named after its call: `futex_wait`, `read of a pipe`,
    /// `wait4 for a child`, `rt_sigsuspend`.
    private func waitDescription(_ condition: WaitCondition, of task: Task) -> String {
        if condition.futex != nil { return "futex_wait" }
        let number = task === current ? hart.register(Register.a7) : task.context.integerRegisters[Register.a7]
        let name = SyscallTable.definitions[number]?.name ?? "syscall_\(number)"
        if !condition.descriptors.isEmpty { return name + (condition.descriptors.count == 1 ? " of a pipe" : " of pipes") }
        if condition.childEvent { return name + " for a child" }
        if let child = condition.vforkChild { return "\(name) until child \(child) runs" }
        return name
    }
}
