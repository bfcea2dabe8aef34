/// The one-parcel forms of the straight-line operations (see `Opcode`).
///
/// Only the decode cache and the execute loop see these forms: the decoders produce base
/// operations, the cache stores a compressed instruction under its one-parcel form, and the cold
/// paths turn it back into the base operation before they look at it.
extension Opcode {
    /// The one-parcel form of this base operation, or nil when it has none: every compressed
    /// instruction without one ends a block (a jump, a branch, c.ebreak or an illegal parcel), so
    /// the loop's straight line never steps past it.
    var compressedForm: Opcode? {
        switch self {
        case .addi: return .cAddi
        case .addiw: return .cAddiw
        case .lui: return .cLui
        case .andi: return .cAndi
        case .slli: return .cSlli
        case .srli: return .cSrli
        case .srai: return .cSrai
        case .add: return .cAdd
        case .sub: return .cSub
        case .xor: return .cXor
        case .or: return .cOr
        case .and: return .cAnd
        case .addw: return .cAddw
        case .subw: return .cSubw
        case .lw: return .cLw
        case .ld: return .cLd
        case .sw: return .cSw
        case .sd: return .cSd
        case .fld: return .cFld
        case .fsd: return .cFsd
        default: return nil
        }
    }

    /// The base operation of a one-parcel form; any other operation is its own base.
    var baseForm: Opcode {
        switch self {
        case .cAddi: return .addi
        case .cAddiw: return .addiw
        case .cLui: return .lui
        case .cAndi: return .andi
        case .cSlli: return .slli
        case .cSrli: return .srli
        case .cSrai: return .srai
        case .cAdd: return .add
        case .cSub: return .sub
        case .cXor: return .xor
        case .cOr: return .or
        case .cAnd: return .and
        case .cAddw: return .addw
        case .cSubw: return .subw
        case .cLw: return .lw
        case .cLd: return .ld
        case .cSw: return .sw
        case .cSd: return .sd
        case .cFld: return .fld
        case .cFsd: return .fsd
        default: return self
        }
    }
}

extension DecodedInstruction {
    /// This instruction as the decode cache stores it: a compressed instruction under the
    /// one-parcel form of its operation. Precondition: a compressed instruction with no such form
    /// ends a block.
    var cachedForm: DecodedInstruction {
        guard byteLength == 2 else { return self }
        var cached = self
        if let form = op.compressedForm {
            cached.op = form
        } else {
            precondition(op.endsBlock, "a compressed \(op) would step as a 32-bit instruction")
        }
        return cached
    }
}
