@testable import RISCV

/// A `TestMachine` with the FPU enabled (mstatus.FS = Initial) and helpers to run one F/D
/// instruction on chosen f and x registers.
struct FloatingPointMachine {
    let machine: TestMachine
    var hart: Hart { machine.hart }

    /// FS starts Initial (1), or `fs` when given.
    init(fs: UInt64 = 1, frm: UInt64 = 0) throws {
        machine = try TestMachine()
        machine.hart.writeCSR(CSRAddress.frm, frm)
        machine.hart.writeCSR(CSRAddress.mstatus, fs << 13)
    }

    /// Sets the f and x registers, runs `words` and returns why the run stopped.
    @discardableResult
    func run(_ words: [UInt32], f: [Int: UInt64] = [:], x: [Int: UInt64] = [:]) -> StopReason {
        for (i, value) in f { hart.setFloatRegister(i, value) }
        for (i, value) in x { hart.setRegister(i, value) }
        return machine.run(words)
    }

    func f(_ i: Int) -> UInt64 { hart.floatRegister(i) }
    func x(_ i: Int) -> UInt64 { hart.register(i) }
    var fflags: UInt64 { hart.readCSR(CSRAddress.fflags) }
    var fs: UInt64 { (hart.readCSR(CSRAddress.mstatus) >> 13) & 3 }
}

/// Bit patterns of floating-point values as the f registers hold them.
enum Bits {
    /// A NaN-boxed single.
    static func s(_ value: Float) -> UInt64 { boxF32(value.bitPattern) }
    static func d(_ value: Double) -> UInt64 { value.bitPattern }
    static let signalingNaNS: UInt64 = boxF32(0x7f80_0001)
    static let canonicalNaNS: UInt64 = boxF32(F32.canonicalNaN)
    static let signalingNaND: UInt64 = 0x7ff0_0000_0000_0001
    static let canonicalNaND: UInt64 = F64.canonicalNaN
}

/// fflags bits.
enum Flag {
    static let nx: UInt64 = 1, uf: UInt64 = 2, of: UInt64 = 4, dz: UInt64 = 8, nv: UInt64 = 16
}
