/// The privilege levels of the hart.
public enum PrivilegeMode: UInt8, Sendable {
    case user = 0, supervisor = 1, machine = 3
}

/// How the hart delivers traps.
public enum TrapDelivery: Sendable {
    /// Every trap is returned from `run` to the caller (the Swift kernel); the hart's state is as
    /// before the trapping instruction, with `pc == trap.pc`.
    case hosted
    /// Traps go through mtvec/stvec with medeleg delegation, as on real hardware.
    case architectural
}

/// Why `Hart.run` returned.
public enum StopReason: Equatable, Sendable {
    /// Hosted delivery only: a trap was taken. `pc` is the trapping instruction's.
    case trap(Trap)
    /// `maxInstructions` instructions retired.
    case budgetExhausted
    /// A store left the nonzero `value` at the physical address `tohostAddress`; `pc` is past the store.
    case tohost(UInt64)
    /// A debug trigger fired (see `Hart+Triggers`).
    case trigger(TriggerHit)
}

/// One RV64IMAFDC hart with M/S/U privilege and a Sv39 MMU.
///
/// The state lives here; behaviour is split by concept: `Hart+ExecuteLoop` (the hot loop),
/// `Hart+Fetch` (predecoded code), `Hart+MemoryAccess`/`MMU`/`TLB` (loads, stores, Sv39),
/// `Hart+CSRAccess` and `Zicsr` (CSRs), `TrapDelivery` and `Privileged` (traps, xRET),
/// `RV64A` (atomics). Not thread-safe: one thread drives a hart.
///
/// What a host must do, as an OS would on real hardware:
/// - after removing or restricting a mapping in the page tables, call `flushTLB()` (sfence.vma);
///   new mappings need nothing, since faulting translations are never cached;
/// - after writing code into RAM that may have run before (a reused frame, a new program),
///   call `invalidateDecodedCode(physicalPage:)` or `invalidateDecodedCode()` (fence.i).
/// - after a `.tohost` stop, handle the word (and clear it in RAM, as HTIF hosts do) before resuming.
public final class Hart {
    /// Register index that receives writes to x0, so that x0 itself is never written.
    static let scratchRegister = 32

    /// The RAM the hart executes from and translates through (the seed's physical memory).
    public let memory: PhysicalMemory
    /// How traps are delivered; may be changed between `run` calls.
    public var delivery: TrapDelivery

    /// x0...x31 plus the x0-write scratch slot (index 32). x0 always reads 0.
    @usableFromInline let registers: UnsafeMutablePointer<UInt64>
    /// f0...f31 as raw 64-bit patterns (NaN-boxed singles are the F extension's business).
    let floatRegisters: UnsafeMutablePointer<UInt64>
    /// The CSR storage (see `ControlStatusRegisters`).
    var csrs = ControlStatusRegisters()
    /// The current privilege; every change goes through `privilege`'s setter or `setPrivilege`.
    var currentPrivilege: PrivilegeMode = .machine
    /// The physical address reserved by the last LR, if any.
    var reservation: UInt64?
    /// Set by the memory, MMU and executor slow paths when they fail: the trap to deliver.
    var lastFault = Trap(.illegalInstruction, pc: 0)
    /// Set by a store slow path when a store reached `tohostAddress`.
    var tohostWritten: UInt64?
    /// Why the execute loop stopped, set by the cold paths that stop it.
    var pendingStop = StopReason.budgetExhausted
    /// How often the execute loop has left its straight line for `executeCold` since reset: a
    /// diagnostic of the loop's fast path (what `endsBlock` promises is checked against it).
    var coldPathsTaken: UInt64 = 0
    /// The CLINT's registers (`msip`, `mtimecmp`); reachable through memory only when
    /// `hasCLINT`.
    var clint = CoreLocalInterruptor()
    /// Set when mie, mtimecmp, stimecmp, menvcfg or mtime changed under a running slice, whose end
    /// may no longer be the next timer deadline (see `run`).
    var timerRearmed = false
    /// Traps that may still be taken in this `run` call (guards against trap storms).
    var trapAllowance: UInt64 = 0
    /// Breakpoints and watchpoints (`Hart+Triggers`): bit `(pc >> 1) & 63` of the filter is set for
    /// each breakpoint pc (0: none), and the flag says whether any watchpoint is set.
    var triggers = Triggers()
    var breakpointFilter: UInt64 = 0
    var watchpointsArmed = false

    let tlb: TLB
    let codeCache: DecodedCodeCache
    /// Virtual address of the page the fetch path currently executes from (`invalidFetchPage` if none).
    var fetchPageVA: UInt64 = Hart.invalidFetchPage
    /// Decoded slots of that page (2048 slots at 2-byte granularity).
    var fetchSlots: UnsafeMutablePointer<DecodedInstruction>
    /// Host address of that page's first byte.
    var fetchHost: UnsafeMutableRawPointer
    static let invalidFetchPage: UInt64 = 1

    /// Creates a hart in M-mode at pc 0 with all registers zero, satp bare and an empty TLB.
    /// Precondition: RAM's base is page-aligned.
    public init(memory: PhysicalMemory, delivery: TrapDelivery) {
        precondition(memory.base % PhysicalMemory.pageSize == 0, "RAM base must be page-aligned")
        self.memory = memory
        self.delivery = delivery
        registers = .allocate(capacity: 33)
        registers.initialize(repeating: 0, count: 33)
        floatRegisters = .allocate(capacity: 32)
        floatRegisters.initialize(repeating: 0, count: 32)
        tlb = TLB()
        codeCache = DecodedCodeCache(pageCount: Int(memory.size / PhysicalMemory.pageSize))
        fetchSlots = codeCache.emptyPage
        fetchHost = memory.hostBase
    }

    deinit {
        registers.deallocate()
        floatRegisters.deallocate()
        tlb.deallocate()
        codeCache.deallocate()
    }

    /// The address of the next instruction. Setting it between `run` calls is how the host
    /// resumes the guest elsewhere (e.g. past an `ecall` it has handled).
    public var pc: UInt64 = 0
    /// The current privilege. Setting it drops cached translations (they depend on it).
    public var privilege: PrivilegeMode {
        get { currentPrivilege }
        set { setPrivilege(newValue) }
    }
    /// Instructions retired since reset: what `--max-instructions` and the statistics count, and
    /// the clock of mcycle, minstret and mtime (guest writes to those CSRs never change it).
    public var instructionsRetired: UInt64 = 0
    /// mtime advances by one every this many retired instructions: a 10 MHz timebase at a
    /// nominal 100 million instructions per second, the same clock the kernel's times use.
    public static let instructionsPerTick: UInt64 = 10
    /// Physical address of the HTIF `tohost` word, if any. Stores that leave it nonzero stop `run`
    /// with `.tohost`; a store of 0 is an ordinary store (HTIF ignores a zero word).
    public var tohostAddress: UInt64? {
        didSet { flushTLB() }
    }
    /// Whether the CLINT answers at 0x0200_0000 (msip, mtimecmp, mtime): bare-metal machines.
    public var hasCLINT = false
    /// Set when a `wfi` found nothing that could ever wake the hart (no interrupt pending and
    /// enabled in mie, no timer armed): `run` stopped with `.budgetExhausted` and pc at the wfi.
    public internal(set) var waitsForever = false
    /// When set, `run` takes a slower path and calls this before executing each instruction
    /// (`bits` is the 32-bit word, or the 16-bit parcel of a compressed instruction).
    public var instructionTracer: ((_ pc: UInt64, _ bits: UInt32) -> Void)?

    /// x[i]; x0 reads 0. Precondition: 0 <= i < 32. (Inlinable: the kernel reads a0-a7 at every ecall.)
    @inlinable
    public func register(_ i: Int) -> UInt64 {
        precondition(i >= 0 && i < 32, "no register x\(i)")
        return registers[i]
    }
    /// Sets x[i]; writes to x0 are ignored. Precondition: 0 <= i < 32.
    @inlinable
    public func setRegister(_ i: Int, _ value: UInt64) {
        precondition(i >= 0 && i < 32, "no register x\(i)")
        if i != 0 { registers[i] = value }
    }
    /// f[i] as raw 64 bits. Precondition: 0 <= i < 32.
    public func floatRegister(_ i: Int) -> UInt64 {
        precondition(i >= 0 && i < 32, "no register f\(i)")
        return floatRegisters[i]
    }
    /// Sets f[i] to a raw 64-bit pattern. Precondition: 0 <= i < 32.
    public func setFloatRegister(_ i: Int, _ value: UInt64) {
        precondition(i >= 0 && i < 32, "no register f\(i)")
        floatRegisters[i] = value
    }
    /// Reads a CSR without privilege checks (for the host and tests). An unimplemented CSR reads 0.
    public func readCSR(_ address: UInt16) -> UInt64 {
        csrValue(address) ?? 0
    }
    /// Writes a CSR without privilege or read-only checks, applying its WARL rules; satp writes
    /// flush the TLB. Writes to unimplemented or read-only CSRs are ignored.
    public func writeCSR(_ address: UInt16, _ value: UInt64) {
        _ = setCSRValue(address, value)
    }
    /// Drops every TLB entry (what sfence.vma does).
    public func flushTLB() {
        tlb.flush()
        fetchPageVA = Hart.invalidFetchPage
    }
    /// Drops every predecoded instruction (what fence.i does).
    public func invalidateDecodedCode() {
        codeCache.invalidateAll()
        fetchPageVA = Hart.invalidFetchPage
        fetchSlots = codeCache.emptyPage
    }
    /// Drops the predecoded instructions of one physical page (call before reusing a freed frame).
    /// `physicalPage` is any physical address inside the page; addresses outside RAM are ignored.
    public func invalidateDecodedCode(physicalPage: UInt64) {
        guard memory.contains(physicalPage) else { return }
        codeCache.invalidate(pageIndex: Int((physicalPage - memory.base) / PhysicalMemory.pageSize))
        fetchPageVA = Hart.invalidFetchPage
        fetchSlots = codeCache.emptyPage
    }
    /// Runs until a stop reason arises or `maxInstructions` more instructions retire.
    /// While breakpoints are set it runs the precise loop, which checks each pc against them.
    ///
    /// Instructions that trap do not retire. An odd `pc` (only the host can set one) raises
    /// instruction address misaligned before anything runs. In architectural delivery a trap storm
    /// (a handler that itself traps for ever) also ends the run with `.budgetExhausted` after
    /// `maxInstructions` traps, as does a `wfi` that nothing can wake (`waitsForever`).
    /// Interrupts are taken at the start and wherever they become due (see `Interrupts.swift`).
    public func run(maxInstructions: UInt64) -> StopReason {
        trapAllowance = maxInstructions
        waitsForever = false
        if pc & 1 != 0, deliver(Trap(.instructionAddressMisaligned, value: pc, pc: pc)) { return pendingStop }
        var budget = maxInstructions
        while true {
            _ = takeInterruptIfDue()
            let slice = min(budget, instructionsUntilTimerInterrupt() ?? budget)
            let start = instructionsRetired
            let reason = runSlice(slice)
            let done = instructionsRetired &- start
            if reason != .budgetExhausted || waitsForever || trapAllowance == 0 || done >= budget { return reason }
            budget -= done
        }
    }

    /// Runs `budget` instructions at most through the fast loop (then the precise one for the tail).
    private func runSlice(_ budget: UInt64) -> StopReason {
        let exit = instructionTracer == nil && breakpointFilter == 0 ? runFast(maxInstructions: budget)
            : runPrecise(maxInstructions: budget)
        switch exit {
        case .stop(let reason): return reason
        case .budgetTail(let tail):
            guard case .stop(let reason) = runPrecise(maxInstructions: tail) else {
                preconditionFailure("the precise loop never leaves a budget tail")
            }
            return reason
        }
    }

    /// Changes the privilege level, dropping translations that depended on the old one.
    func setPrivilege(_ mode: PrivilegeMode) {
        if mode != currentPrivilege {
            currentPrivilege = mode
            flushTLB()
        }
    }
}
