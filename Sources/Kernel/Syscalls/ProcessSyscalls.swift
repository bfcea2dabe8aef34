/// exit, exit_group and getpid.
enum ProcessSyscalls {
    static let definitions: [SyscallDefinition] = [
        SyscallDefinition(number: 93, name: "exit", arguments: [.decimal], result: .decimal) { _, a in
            .exit(Int64(bitPattern: a[0]))
        },
        SyscallDefinition(number: 94, name: "exit_group", arguments: [.decimal], result: .decimal) { _, a in
            .exit(Int64(bitPattern: a[0]))
        },
        SyscallDefinition(number: 172, name: "getpid", arguments: [], result: .decimal) { _, _ in
            .value(Process.processID)
        },
    ]
}
