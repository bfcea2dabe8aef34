import ArgumentParser
import Kernel
import Glibc

/// The `--trace` argument: a comma-separated list of `syscalls`, `faults`, `traps`, `instructions`, or `all`.
struct TraceSelection: ExpressibleByArgument {
    var options: TraceOptions = []

    init() {}

    /// Fails (usage error, 125) on an empty list or an unknown word.
    init?(argument: String) {
        let names: [String: TraceOptions] = [
            "syscalls": .syscalls, "faults": .faults, "traps": .traps,
            "instructions": .instructions, "all": .all,
        ]
        for word in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let option = names[String(word)] else { return nil }
            options.formUnion(option)
        }
        guard !options.isEmpty else { return nil }
    }

    var defaultValueDescription: String { options.isEmpty ? "none" : "custom" }

    static var allValueStrings: [String] { ["syscalls", "faults", "traps", "instructions", "all"] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// Opens the destination of trace lines: stderr, or `--trace-file PATH` (created or truncated).
enum TraceOutput {
    static func open(path: String?) throws -> TraceSink {
        guard let path else { return TraceSink.standardError }
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure(status: ExitStatus.usageOrInternal,
                          message: "cannot open trace file \(path): \(String(cString: strerror(errno)))")
        }
        return TraceSink(fileDescriptor: fd)
    }
}
