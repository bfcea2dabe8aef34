import Glibc

/// How tinyrv's own process takes host signals (never the guest's signals, which the kernel
/// keeps in `SignalState`).
extension Host {
    /// Ignores SIGPIPE in tinyrv's process, so that a write to a pipe or socket with no reader
    /// fails with EPIPE (which the kernel turns into the guest's SIGPIPE) instead of killing tinyrv.
    static func ignoreBrokenPipeSignal() {
        _ = signal(SIGPIPE, SIG_IGN)
    }
}
