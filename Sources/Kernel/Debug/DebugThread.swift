/// A task of the run as a debugger names it: gdb's thread `p<pid>.<tid>`.
public struct DebugThread: Equatable, Hashable, Sendable {
    /// The process (its first task's tid).
    public var pid: Int64
    public var tid: Int64
    /// The process's task name (prctl's `PR_GET_NAME`, the program's file name at first).
    public var name: String

    public init(pid: Int64, tid: Int64, name: String) {
        self.pid = pid
        self.tid = tid
        self.name = name
    }
}
