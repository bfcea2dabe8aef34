/// The exit statuses tinyrv itself decides (docs/architecture.md). A guest's exit passes its own code through,
/// and the kernel's kills carry theirs (`KillReason.exitStatus`: 139, 132, 133, 134, 137).
public enum ExitStatus {
    /// `--max-instructions` spent (as the kernel's `ExitOutcome.budgetExhausted`).
    public static let budgetExhausted: Int32 = 124
    /// Bare mode: a `wfi` with no interrupt that could ever become pending (the machine would hang).
    public static let waitsForever: Int32 = 123
    /// tinyrv's own failure: a usage error or an internal error.
    public static let usageOrInternal: Int32 = 125
    /// The file is not an ELF tinyrv can run.
    public static let notRunnable: Int32 = 126
    /// The file was not found.
    public static let notFound: Int32 = 127
}
