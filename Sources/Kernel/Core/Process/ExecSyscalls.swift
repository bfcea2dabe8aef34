import RISCV

/// execve: the calling process runs a new program, found in the file sandbox, keeping its pid,
/// parent, descriptors (less close-on-exec ones), working directory, ignored signals and mask.
enum ExecSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(221, "execve", [.string, .hex, .hex], execve),
    ]

    /// The most argv plus envp entries and bytes execve takes (`-E2BIG` beyond), and how many
    /// `#!` interpreters may follow one another (`-ELOOP` beyond).
    static let maxStrings = 1 << 16, maxBytes = 2 << 20, maxInterpreterDepth = 4

    /// execve(path, argv, envp): on success the caller's program is gone and the new one starts
    /// (nothing returns). A file starting with `#!` runs its interpreter with the script's path
    /// as an argument. On failure the caller continues with `-errno`: `-ENOENT` and the other
    /// errors of opening `path` in the sandbox, `-EACCES` for a directory, a file that is not
    /// regular or not executable, `-ENOEXEC` for a file that is not a runnable ELF (or when no
    /// program loader is configured), `-E2BIG` for arguments that do not fit the stack,
    /// `-ENOMEM` when RAM cannot hold the program, `-EFAULT` for bad pointers.
    static func execve(_ process: Process, _ a: [UInt64]) throws(SyscallFailure) -> SyscallResult {
        let path = try process.pathArgument(a[0])
        let arguments = try stringVector(process, at: a[1])
        let environment = try stringVector(process, at: a[2])
        guard arguments.count + environment.count <= maxStrings,
              arguments.reduce(0, { $0 + $1.utf8.count + 1 }) + environment.reduce(0, { $0 + $1.utf8.count + 1 }) <= maxBytes
        else { return .error(.E2BIG) }
        guard let scheduler = process.scheduler, let loader = process.runOptions.programLoader else { return .error(.ENOEXEC) }
        let program = try resolve(process, path: path, arguments: arguments, loader: loader, depth: 0)
        return scheduler.exec(process, program: program.loaded, arguments: program.arguments, environment: environment,
                              hostPath: program.hostPath)
    }

    /// The NULL-terminated array of string pointers at `address` (NULL: empty).
    static func stringVector(_ process: Process, at address: UInt64) throws(SyscallFailure) -> [String] {
        var strings: [String] = []
        guard address != 0 else { return strings }
        var cursor = address
        while true {
            guard strings.count <= maxStrings else { throw SyscallFailure(.E2BIG) }
            let pointer = GuestBytes.word(try process.copyInArgument(from: cursor, count: 8), at: 0)
            if pointer == 0 { return strings }
            strings.append(try process.pathArgument(pointer))
            cursor &+= 8
        }
    }

    /// Opens `path` in the sandbox and loads the program it names, following `#!` lines.
    private static func resolve(_ process: Process, path: String, arguments: [String],
                                loader: (String) throws -> LoadedProgram,
                                depth: Int) throws(SyscallFailure) -> (loaded: LoadedProgram, arguments: [String], hostPath: String) {
        let sandbox = process.fileSystem
        let file = try sandbox.open(path, from: LookupBase(guestPath: sandbox.workingDirectory), flags: .readOnly,
                                    searchSysroot: true).orFail()
        defer { file.close() }
        guard case .success(let status) = file.status() else { throw SyscallFailure(.EACCES) }
        guard status.type == .regular, status.mode & 0o111 != 0 else { throw SyscallFailure(.EACCES) }
        var head = [UInt8](repeating: 0, count: 256)
        guard case .success(let n) = head.withUnsafeMutableBytes({ file.read(into: $0, at: 0) }), n >= 4 else {
            throw SyscallFailure(.ENOEXEC)
        }
        head = Array(head[..<n])
        if head.starts(with: Array("#!".utf8)) {
            guard depth < maxInterpreterDepth else { throw SyscallFailure(.ELOOP) }
            guard let line = interpreterLine(head) else { throw SyscallFailure(.ENOEXEC) }
            let scriptArguments = [line.interpreter] + (line.argument.map { [$0] } ?? []) + [path] + arguments.dropFirst()
            return try resolve(process, path: line.interpreter, arguments: scriptArguments, loader: loader, depth: depth + 1)
        }
        guard head.starts(with: [0x7f, 0x45, 0x4c, 0x46]) else { throw SyscallFailure(.ENOEXEC) }
        guard let loaded = try? loader(file.procPath) else { throw SyscallFailure(.ENOEXEC) }
        return (loaded, arguments, Host.realPath(file.procPath) ?? path)
    }

    /// The interpreter and optional single argument of a `#!` first line; nil when it has none.
    static func interpreterLine(_ head: [UInt8]) -> (interpreter: String, argument: String?)? {
        let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
        let line = head.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }
        let words = line.split(maxSplits: 1, whereSeparator: { blank.contains($0) })
        guard let interpreter = words.first else { return nil }
        let rest = words.count > 1 ? Array(words[1].reversed().drop(while: { blank.contains($0) }).reversed()) : []
        return (String(decoding: interpreter, as: UTF8.self), rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self))
    }
}

extension Scheduler {
    /// Replaces the running task's program `old` with `image` (the point of no return of
    /// execve): a new `Process` is loaded exactly as the first one was, then takes over the old
    /// one's identity, descriptors (closing close-on-exec ones), directory, ignored signals and
    /// mask; its other threads end. Returns `-errno`, changing nothing, when the program cannot be
    /// set up.
    func exec(_ old: Process, program: LoadedProgram, arguments: [String], environment: [String],
              hostPath: String) -> SyscallResult {
        var options = old.runOptions
        options.arguments = arguments
        options.environment = environment
        options.executablePath = hostPath
        options.interpreter = program.interpreter
        options.debugger = nil
        let fresh: Process
        do {
            fresh = try Process(image: program.image, hart: hart, frames: frames, options: options)
        } catch {
            switch error {
            case .outOfMemory: return .error(.ENOMEM)
            case .initialStackTooLarge: return .error(.E2BIG)
            default: return .error(.ENOEXEC)
            }
        }
        for other in tasks where other.process === old && other !== current {
            other.state = .exited
            removeTask(other)
        }
        for fd in old.fileSystem.takeCloseOnExec() { _ = old.files.close(Int64(fd)) }
        fresh.family = old.family
        fresh.family.hasExecuted = true
        fresh.family.releasedVforkParent = true
        fresh.files = old.files
        fresh.fileSystem = old.fileSystem
        fresh.fileSystem.executablePath = hostPath
        fresh.signals = old.signals.afterExec()
        fresh.fileCreationMask = old.fileCreationMask
        fresh.niceValue = old.niceValue
        fresh.inherited.noNewPrivileges = old.inherited.noNewPrivileges
        fresh.inherited.persona = old.inherited.persona
        fresh.inherited.schedulingPolicy = old.inherited.schedulingPolicy
        fresh.inherited.schedulingPriority = old.inherited.schedulingPriority
        fresh.pageFaults = old.pageFaults
        fresh.scheduler = self
        fresh.debugger = old.debugger
        fresh.timers = old.timers
        replace(old, with: fresh, task: current)
        fresh.debugger?.executed(path: hostPath)
        fresh.startHart()
        for i in 0..<32 { hart.setFloatRegister(i, 0) }
        hart.writeCSR(CSRAddress.fcsr, 0)
        return .registersSet
    }
}
