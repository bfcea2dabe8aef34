/// The CSR storage of the hart and the bit layout of mstatus (privileged spec, "Machine-Level CSRs").
///
/// Only storage lives here; `Hart+CSRAccess` applies the WARL rules and side effects on access.
struct ControlStatusRegisters {
    /// mstatus without the read-only UXL/SXL/SD fields (those are added on read).
    var mstatus: UInt64 = 0
    var medeleg: UInt64 = 0
    var mideleg: UInt64 = 0
    var mie: UInt64 = 0
    /// The software-written bits of mip (SSIP, STIP, SEIP); `Hart.pendingInterrupts` adds the
    /// bits that devices drive.
    var mip: UInt64 = 0
    /// Sstc's stimecmp.
    var stimecmp = UInt64.max
    /// mtime minus retired instructions / `Hart.instructionsPerTick`: what software wrote to mtime
    /// and the time wfi skipped.
    var timeOffset: UInt64 = 0
    var mtvec: UInt64 = 0
    var stvec: UInt64 = 0
    var mepc: UInt64 = 0
    var sepc: UInt64 = 0
    var mcause: UInt64 = 0
    var scause: UInt64 = 0
    var mtval: UInt64 = 0
    var stval: UInt64 = 0
    var mscratch: UInt64 = 0
    var sscratch: UInt64 = 0
    var satp: UInt64 = 0
    var mcounteren: UInt64 = 0
    var scounteren: UInt64 = 0
    var menvcfg: UInt64 = 0
    var senvcfg: UInt64 = 0
    /// mcycle and minstret (their user views cycle and instret read the same).
    var mcycle = HardwareCounter()
    var minstret = HardwareCounter()
    /// Floating-point accrued exceptions (5 bits) and rounding mode (3 bits).
    var fflags: UInt64 = 0
    var frm: UInt64 = 0
    /// pmpcfg0, 2, ..., 14 (RV64 has only the even ones) and pmpaddr0...63: stored, not enforced.
    var pmpcfg = [UInt64](repeating: 0, count: 8)
    var pmpaddr = [UInt64](repeating: 0, count: 64)

    /// misa: MXL = 2 (RV64) and the extensions I, M, A, F, D, C, S, U, and B (Zba + Zbb + Zbs,
    /// all present; Zbc and Zicond have no misa bit). Read-only.
    static let misaValue: UInt64 = (2 << 62) | extensionBits("IMAFDCSUB")

    static func extensionBits(_ letters: String) -> UInt64 {
        letters.unicodeScalars.reduce(0) { $0 | (1 << UInt64($1.value - 65)) }
    }
}

/// mstatus/sstatus fields.
public enum MStatus {
    static let sie: UInt64 = 1 << 1
    static let mie: UInt64 = 1 << 3
    static let spie: UInt64 = 1 << 5
    static let mpie: UInt64 = 1 << 7
    static let spp: UInt64 = 1 << 8
    static let mppShift: UInt64 = 11
    static let mpp: UInt64 = 3 << 11
    static let fsShift: UInt64 = 13
    /// FS, the floating-point unit's state: Off (0), Initial, Clean, Dirty.
    public static let fs: UInt64 = 3 << 13
    public static let fsInitial: UInt64 = 1 << 13
    static let mprv: UInt64 = 1 << 17
    static let sum: UInt64 = 1 << 18
    static let mxr: UInt64 = 1 << 19
    /// TVM: satp and sfence.vma are illegal in S-mode.
    static let tvm: UInt64 = 1 << 20
    /// TW: wfi is illegal below M-mode.
    static let tw: UInt64 = 1 << 21
    /// TSR: sret is illegal in S-mode.
    static let tsr: UInt64 = 1 << 22
    /// UXL = SXL = 2 (64-bit), read-only.
    static let xlenFields: UInt64 = (2 << 32) | (2 << 34)
    static let sd: UInt64 = 1 << 63

    /// Bits of mstatus a write may change.
    static let writableM: UInt64 = sie | mie | spie | mpie | spp | mpp | fs | mprv | sum | mxr | tvm | tw | tsr
    /// Bits of sstatus (the S-mode view of mstatus), readable and writable.
    static let writableS: UInt64 = sie | spie | spp | fs | sum | mxr
    static let readableS: UInt64 = writableS | (3 << 32) | sd
    /// Fields whose change alters translations: writing them flushes the TLB.
    static let translationFields: UInt64 = mpp | mprv | sum | mxr
}

/// The bits of mcountinhibit that can be set: CY (mcycle) and IR (minstret).
enum CounterInhibit {
    static let cycle: UInt64 = 1 << 0
    static let instret: UInt64 = 1 << 2
}

/// The bits of mcounteren and scounteren that let the next lower privilege read cycle, time and instret.
public enum CounterEnable {
    public static let cycle: UInt64 = 1 << 0
    public static let time: UInt64 = 1 << 1
    public static let instret: UInt64 = 1 << 2
}

/// satp fields: MODE in bits 63:60 (0 bare, 8 Sv39) and the root page table's PPN in bits 43:0.
public enum Satp {
    public static let modeShift: UInt64 = 60
    public static let mode: UInt64 = 0xF << 60
    public static let sv39: UInt64 = 8 << 60
    public static let ppn: UInt64 = (1 << 44) - 1
}

/// The writable interrupt bits of mideleg/mie (see `Interrupts.swift`).
enum InterruptBits {
    /// SSIP/SSIE, STIP/STIE, SEIP/SEIE.
    static let supervisor: UInt64 = (1 << 1) | (1 << 5) | (1 << 9)
    /// The S bits plus MSIP/MSIE, MTIP/MTIE, MEIP/MEIE.
    static let all: UInt64 = supervisor | (1 << 3) | (1 << 7) | (1 << 11)
}

/// CSR numbers of the CSRs the hart implements, for `Hart.readCSR`/`writeCSR`
/// (pmpcfgN is `pmpcfg0 + N` for even N, pmpaddrN is `pmpaddr0 + N`).
public enum CSRAddress {
    public static let fflags: UInt16 = 0x001, frm: UInt16 = 0x002, fcsr: UInt16 = 0x003
    public static let cycle: UInt16 = 0xC00, time: UInt16 = 0xC01, instret: UInt16 = 0xC02
    public static let sstatus: UInt16 = 0x100, sie: UInt16 = 0x104, stvec: UInt16 = 0x105
    public static let scounteren: UInt16 = 0x106, senvcfg: UInt16 = 0x10A
    public static let sscratch: UInt16 = 0x140, sepc: UInt16 = 0x141, scause: UInt16 = 0x142
    public static let stval: UInt16 = 0x143, sip: UInt16 = 0x144, stimecmp: UInt16 = 0x14D, satp: UInt16 = 0x180
    public static let mstatus: UInt16 = 0x300, misa: UInt16 = 0x301, medeleg: UInt16 = 0x302
    public static let mideleg: UInt16 = 0x303, mie: UInt16 = 0x304, mtvec: UInt16 = 0x305
    public static let mcounteren: UInt16 = 0x306, menvcfg: UInt16 = 0x30A, mcountinhibit: UInt16 = 0x320
    public static let mscratch: UInt16 = 0x340, mepc: UInt16 = 0x341, mcause: UInt16 = 0x342
    public static let mtval: UInt16 = 0x343, mip: UInt16 = 0x344
    public static let pmpcfg0: UInt16 = 0x3A0, pmpaddr0: UInt16 = 0x3B0
    public static let tselect: UInt16 = 0x7A0, tdata1: UInt16 = 0x7A1, tdata2: UInt16 = 0x7A2
    public static let tdata3: UInt16 = 0x7A3, tinfo: UInt16 = 0x7A4
    public static let mcycle: UInt16 = 0xB00, minstret: UInt16 = 0xB02
    public static let mvendorid: UInt16 = 0xF11, marchid: UInt16 = 0xF12, mimpid: UInt16 = 0xF13
    public static let mhartid: UInt16 = 0xF14, mconfigptr: UInt16 = 0xF15
}
