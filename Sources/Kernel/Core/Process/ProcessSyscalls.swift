/// exit, exit_group, getpid and clone (fork, vfork and threads): tasks come and go (Process/Scheduler).
enum ProcessSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(93, "exit", [.decimal]) { process, a in
            if let scheduler = process.scheduler, scheduler.exitThread(scheduler.current) { return .registersSet }
            return .exit(Int64(bitPattern: a[0]))
        },
        SyscallDefinition(94, "exit_group", [.decimal]) { _, a in
            .exit(Int64(bitPattern: a[0]))
        },
        SyscallDefinition(172, "getpid", []) { process, _ in
            .value(process.family.pid)
        },
        SyscallDefinition(220, "clone", [.hex, .hex, .hex, .hex, .hex], clone),
    ]

    /// clone's flags (asm-generic).
    static let exitSignalMask: UInt64 = 0xff
    static let cloneVM: UInt64 = 0x100, cloneFS: UInt64 = 0x200, cloneFiles: UInt64 = 0x400, cloneSighand: UInt64 = 0x800
    static let clonePidfd: UInt64 = 0x1000, cloneVfork: UInt64 = 0x4000, cloneParent: UInt64 = 0x8000
    static let cloneThread: UInt64 = 0x10000, cloneSysvsem: UInt64 = 0x40000, cloneSettls: UInt64 = 0x80000
    static let cloneParentSettid: UInt64 = 0x10_0000, cloneChildCleartid: UInt64 = 0x20_0000
    static let cloneDetached: UInt64 = 0x40_0000, cloneChildSettid: UInt64 = 0x100_0000
    /// The flags a new process may be created with here.
    static let processFlags: UInt64 = exitSignalMask | cloneVM | cloneFS | cloneVfork | cloneParent | cloneSysvsem
        | cloneSettls | cloneParentSettid | cloneChildCleartid | cloneDetached | cloneChildSettid

    /// The flags a new thread may be created with (glibc's pthread_create uses them all but PARENT).
    static let threadFlags: UInt64 = cloneVM | cloneFS | cloneFiles | cloneSighand | cloneThread | cloneSysvsem
        | cloneSettls | cloneParentSettid | cloneChildCleartid | cloneDetached | cloneChildSettid

    /// clone(flags, stack, parent_tid, tls, child_tid) for a new process: fork (SIGCHLD) or vfork
    /// (CLONE_VM | CLONE_VFORK), with CLONE_SETTLS, CLONE_PARENT_SETTID, CLONE_CHILD_SETTID and
    /// CLONE_CHILD_CLEARTID. The child returns 0 on `stack` (its parent's sp when 0); the parent
    /// gets the child's pid, after the child's execve or exit for vfork. With CLONE_THREAD (and
    /// CLONE_VM | CLONE_SIGHAND) a new thread of the process instead (`Scheduler.spawnThread`).
    /// `-EINVAL` for other flags, `-EAGAIN` past `--max-tasks`, `-ENOMEM` when RAM cannot hold the
    /// child's page tables.
    static func clone(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let flags = a[0]
        guard let scheduler = process.scheduler else { return .error(.EAGAIN) }
        if flags & cloneThread != 0 {
            guard flags & ~threadFlags == 0, flags & (cloneVM | cloneSighand) == cloneVM | cloneSighand else { return .error(.EINVAL) }
            return scheduler.spawnThread(process, flags: flags, stack: a[1], parentTID: a[2], tls: a[3], childTID: a[4])
        }
        guard flags & ~processFlags == 0 else { return .error(.EINVAL) }
        return scheduler.fork(process, flags: flags, stack: a[1], parentTID: a[2], tls: a[3], childTID: a[4])
    }
}
