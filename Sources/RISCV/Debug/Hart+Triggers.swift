/// Debug triggers: execution breakpoints and exact data watchpoints, the hardware a debugger arms
/// (in the spirit of the Sdtrig extension, driven by the host rather than by tdata CSRs).
///
/// - A **breakpoint** at a virtual pc stops `run` with `.trigger(.breakpoint(pc:))` before the
///   instruction there executes. While any is set, `run` uses the precise loop, which checks
///   every pc at its block entry against a 64-bit filter of the breakpoints' pcs (one and, one
///   branch) and looks the few that pass up in the set; guest memory is never patched.
/// - A **watchpoint** on a virtual range stops `run` with `.trigger(.watchpoint(kind, address:))`
///   right after a load (`.read`), a store (`.write`) or either (`.access`) that touches the range
///   retires; pc is then past the instruction and `address` is the first watched byte it touched.
///   The TLB holds no read (or write) entry for a page that a read (or write) watchpoint covers,
///   so such accesses take the slow path, which matches them; other pages stay on the fast path.
///   Atomics take the cold path while any watchpoint is set. Accesses that fault or the host makes
///   (`PhysicalMemory`, `debugRead`) never match.
extension Hart {
    /// The execution breakpoints (virtual addresses).
    public var breakpoints: Set<UInt64> {
        get { triggers.breakpoints }
        set {
            triggers.breakpoints = newValue
            breakpointFilter = newValue.reduce(0) { $0 | 1 &<< (($1 &>> 1) & 63) }
        }
    }

    /// The data watchpoints. Setting them flushes the TLB so that watched pages leave it.
    public var watchpoints: [Watchpoint] {
        get { triggers.watchpoints }
        set {
            triggers.watchpoints = newValue
            triggers.hit = nil
            watchpointsArmed = !newValue.isEmpty
            flushTLB()
        }
    }

    /// Whether a breakpoint is set at `pc` (the precise loop's check, only made while armed).
    @inline(never)
    func isBreakpoint(_ pc: UInt64) -> Bool {
        triggers.breakpoints.contains(pc)
    }

    /// Whether a watchpoint matching a read (or a write, when `write`) covers any byte of the
    /// virtual page `page`: such a page gets no TLB entry for that kind of access.
    func watchCovers(page: UInt64, write: Bool) -> Bool {
        triggers.watchpoints.contains { $0.matches(write: write) && $0.overlaps(page, size: PhysicalMemory.pageSize) }
    }

    /// Records the first watchpoint that a completed access of `size` bytes at `va` matches, unless
    /// one is already recorded for this instruction.
    func noteAccess(_ va: UInt64, size: UInt64, write: Bool) {
        guard triggers.hit == nil,
              let w = triggers.watchpoints.first(where: { $0.matches(write: write) && $0.overlaps(va, size: size) })
        else { return }
        triggers.hit = .watchpoint(w.kind, address: max(va, w.address))
    }

    /// The watchpoint hit recorded since the last call, cleared.
    func takeTriggerHit() -> TriggerHit? {
        defer { triggers.hit = nil }
        return triggers.hit
    }
}

/// The access a watchpoint matches.
public enum WatchKind: Sendable, Hashable {
    case write, read, access
}

/// Why a debug trigger stopped `run`.
public enum TriggerHit: Equatable, Sendable {
    /// pc reached a breakpoint; its instruction has not run.
    case breakpoint(pc: UInt64)
    /// An access matched a watchpoint of `kind` at `address` (its first watched byte); the access
    /// retired and pc is past it.
    case watchpoint(WatchKind, address: UInt64)
}

/// A watched range of virtual addresses: `length` bytes from `address` (a range that would run past
/// the top of the address space ends there).
public struct Watchpoint: Hashable, Sendable {
    public var address: UInt64
    public var length: UInt64
    public var kind: WatchKind

    public init(address: UInt64, length: UInt64, kind: WatchKind) {
        self.address = address
        self.length = length
        self.kind = kind
    }

    /// Whether a read (or a write, when `write`) matches this watchpoint's kind.
    func matches(write: Bool) -> Bool {
        kind == .access || (kind == .write) == write
    }

    /// Whether `[start, start + size)` shares a byte with the watched range (ends saturate).
    func overlaps(_ start: UInt64, size: UInt64) -> Bool {
        guard length > 0, size > 0 else { return false }
        let (end, endOverflow) = start.addingReportingOverflow(size)
        let (watchEnd, watchOverflow) = address.addingReportingOverflow(length)
        return (endOverflow || address < end) && (watchOverflow || start < watchEnd)
    }
}

/// The trigger state a hart keeps: breakpoints, watchpoints and the watchpoint hit of the
/// instruction being finished.
struct Triggers {
    var breakpoints: Set<UInt64> = []
    var watchpoints: [Watchpoint] = []
    var hit: TriggerHit?
}
