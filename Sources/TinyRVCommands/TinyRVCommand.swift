import ArgumentParser
import Glibc

/// The `tinyrv` command line: a thin layer over the Kernel (hosted runs) and RISCV (bare runs).
public struct TinyRVCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tinyrv",
        abstract: "A small, exact RISC-V RV64 emulator with a Sv39 MMU and a teaching kernel in Swift.",
        discussion: """
            Exit statuses of `tinyrv run`: the guest's exit code (& 0xff); 139 memory fault; 132 illegal \
            instruction; 133 ebreak; 134 abort; 137 guest RAM exhausted (or SIGKILL); 128 + n another signal n \
            (135 SIGBUS, 136 SIGFPE, 141 SIGPIPE, 143 SIGTERM); 124 --max-instructions spent; \
            125 usage or internal error; 126 not a runnable ELF; 127 file not found.
            """,
        subcommands: [RunCommand.self, TestCommand.self]
    )

    public init() {}

    /// Parses `arguments`, runs the command and exits the process with the documented status.
    /// Usage errors exit 125 (not ArgumentParser's 64), so statuses never collide with guest codes.
    /// The host's SIGPIPE is ignored: a write to a pipe without readers fails with EPIPE, and the
    /// kernel turns that into the guest's own SIGPIPE (`Signal.brokenPipe`).
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch let exit as GuestExit {
            fflush(stdout)
            Glibc.exit(exit.status)
        } catch let failure as Failure {
            fflush(stdout)
            fputs("tinyrv: \(failure.message)\n", stderr)
            Glibc.exit(failure.status)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            fputs("tinyrv: \(message)\n", stderr)
            Glibc.exit(ExitStatus.usageOrInternal)
        }
    }
}

/// Thrown by a subcommand to end tinyrv with `status` after its own output is done.
struct GuestExit: Error {
    let status: Int32
}
