import Glibc

/// Monotonic wall time since creation, for `--stats` and the test runner.
struct WallClock {
    private let start = WallClock.now()

    var seconds: Double { WallClock.now() - start }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
