import RISCV

/// fork and vfork (seed: the processes lab's `fork`): a new process whose task starts with its
/// parent's registers, returning 0.
extension Scheduler {
    /// Creates the child of `parent` for clone with `flags` (see `ProcessSyscalls.clone`) and
    /// returns the syscall's result in the parent.
    func fork(_ parent: Process, flags: UInt64, stack: UInt64, parentTID: UInt64, tls: UInt64,
              childTID: UInt64) -> SyscallResult {
        typealias Flags = ProcessSyscalls
        guard let pid = allocatePID() else { return .error(.EAGAIN) }
        let sharesMemory = flags & Flags.cloneVM != 0
        guard let space = sharesMemory ? parent.addressSpace : parent.addressSpace.forkCopy() else { return .error(.ENOMEM) }
        guard let files = parent.files.copy() else {
            if !sharesMemory { space.tearDown() }
            return .error(.EMFILE)
        }
        let child = Process(forking: parent, addressSpace: space, files: files, fileSystem: parent.fileSystem.copy())
        child.family.pid = pid
        child.family.parentPID = flags & Flags.cloneParent != 0 ? parent.family.parentPID : parent.family.pid
        child.family.processGroup = parent.family.processGroup
        child.family.session = parent.family.session
        child.family.exitSignal = flags & Flags.exitSignalMask
        process(child.family.parentPID)?.family.children.append(pid)

        let task = cloneTask(tid: pid, of: child, flags: flags, stack: stack, tls: tls, childTID: childTID)
        admit(child, task: task)
        parent.debugger?.forked(child, vfork: flags & Flags.cloneVfork != 0)

        let tidBytes = Array(GuestBytes.words(UInt64(pid))[0..<4])
        if flags & Flags.cloneParentSettid != 0 { _ = parent.copyOut(tidBytes, to: parentTID) }
        if flags & Flags.cloneChildSettid != 0 { _ = child.copyOut(tidBytes, to: childTID) }
        if flags & Flags.cloneVfork != 0 {
            return .valueThenBlock(pid, WaitCondition(vforkChild: pid))
        }
        return .value(pid)
    }
}
