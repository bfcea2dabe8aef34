/// The instruction bodies that a base case of the execute loop shares with its one-parcel form
/// (Sail's `ExecuteAs`): each is written once, and both cases of the loop call it, so a base
/// operation and the compressed instructions that stand for it cannot drift apart.
///
/// `x` is the register file (x0's writes land in the scratch register); `d` the slot.
enum SharedBody {
    typealias Registers = UnsafeMutablePointer<UInt64>
    typealias Slot = UnsafeMutablePointer<DecodedInstruction>

    /// addi (c.addi, c.li, c.nop, c.addi16sp, c.addi4spn)
    @inline(__always) static func addi(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] &+ d.imm }
    /// addiw (c.addiw)
    @inline(__always) static func addiw(_ x: Registers, _ d: Slot) { x[d.rd] = signExtend32(x[d.rs1] &+ d.imm) }
    /// lui (c.lui)
    @inline(__always) static func lui(_ x: Registers, _ d: Slot) { x[d.rd] = d.imm }
    /// andi (c.andi)
    @inline(__always) static func andi(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] & d.imm }
    /// slli (c.slli)
    @inline(__always) static func slli(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] &<< d.imm }
    /// srli (c.srli)
    @inline(__always) static func srli(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] &>> d.imm }
    /// srai (c.srai)
    @inline(__always) static func srai(_ x: Registers, _ d: Slot) {
        x[d.rd] = UInt64(bitPattern: Int64(bitPattern: x[d.rs1]) &>> d.imm)
    }
    /// add (c.add, c.mv)
    @inline(__always) static func add(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] &+ x[d.rs2] }
    /// sub (c.sub)
    @inline(__always) static func sub(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] &- x[d.rs2] }
    /// xor (c.xor)
    @inline(__always) static func xor(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] ^ x[d.rs2] }
    /// or (c.or)
    @inline(__always) static func or(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] | x[d.rs2] }
    /// and (c.and)
    @inline(__always) static func and(_ x: Registers, _ d: Slot) { x[d.rd] = x[d.rs1] & x[d.rs2] }
    /// addw (c.addw)
    @inline(__always) static func addw(_ x: Registers, _ d: Slot) { x[d.rd] = signExtend32(x[d.rs1] &+ x[d.rs2]) }
    /// subw (c.subw)
    @inline(__always) static func subw(_ x: Registers, _ d: Slot) { x[d.rd] = signExtend32(x[d.rs1] &- x[d.rs2]) }
}
