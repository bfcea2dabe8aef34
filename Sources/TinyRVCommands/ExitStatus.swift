/// The exit statuses of `tinyrv`, as design.md documents them. Guest exits pass their own code through.
public enum ExitStatus {
    public static let memoryFault: Int32 = 139
    public static let illegalInstruction: Int32 = 132
    public static let breakpoint: Int32 = 133
    public static let abort: Int32 = 134
    public static let outOfMemory: Int32 = 137
    public static let budgetExhausted: Int32 = 124
    /// tinyrv's own failure: a usage error or an internal error.
    public static let usageOrInternal: Int32 = 125
    /// The file is not an ELF tinyrv can run.
    public static let notRunnable: Int32 = 126
    /// The file was not found.
    public static let notFound: Int32 = 127
}
