import ArgumentParser
import Kernel

/// `--schedule roundrobin` or `--schedule random:SEED` (SEED a decimal number).
struct ScheduleSelection: ExpressibleByArgument, Equatable {
    let policy: SchedulePolicy

    init(policy: SchedulePolicy = .roundRobin) { self.policy = policy }

    /// Fails (a usage error, status 125) for anything else.
    init?(argument: String) {
        if argument == "roundrobin" {
            policy = .roundRobin
        } else if argument.hasPrefix("random:"), let seed = UInt64(argument.dropFirst("random:".count)) {
            policy = .random(seed: seed)
        } else {
            return nil
        }
    }

    var defaultValueDescription: String { "roundrobin" }
}
