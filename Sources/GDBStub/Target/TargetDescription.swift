/// The target description gdb reads with `qXfer:features:read:target.xml`: gdb's RISC-V features
/// with the register names and numbers of `DebugRegister`.
///
/// Hosted: `org.gnu.gdb.riscv.cpu` and `.fpu` (with fflags, frm, fcsr), osabi GNU/Linux (so gdb
/// knows the syscall convention for `catch syscall`). Bare: also `.csr` with the machine and
/// supervisor CSRs and `.virtual` with the privilege level `priv`.
enum TargetDescription {
    static let integerNames = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1",
                               "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
                               "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
                               "t3", "t4", "t5", "t6"]
    static let floatNames = ["ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1",
                             "fa0", "fa1", "fa2", "fa3", "fa4", "fa5", "fa6", "fa7",
                             "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11",
                             "ft8", "ft9", "ft10", "ft11"]

    /// The XML document for a bare or hosted target.
    static func xml(bare: Bool) -> String {
        var lines = [
            #"<?xml version="1.0"?>"#,
            #"<!DOCTYPE target SYSTEM "gdb-target.dtd">"#,
            "<target version=\"1.0\">",
            "<architecture>riscv:rv64</architecture>",
        ]
        if !bare { lines.append("<osabi>GNU/Linux</osabi>") }
        lines.append(#"<feature name="org.gnu.gdb.riscv.cpu">"#)
        for (i, name) in integerNames.enumerated() {
            let type = i == 1 ? "code_ptr" : i == 2 || i == 8 ? "data_ptr" : "int"
            lines.append(#"<reg name="\#(name)" bitsize="64" type="\#(type)" regnum="\#(i)"/>"#)
        }
        lines.append(#"<reg name="pc" bitsize="64" type="code_ptr" regnum="32"/>"#)
        lines.append("</feature>")
        lines.append(#"<feature name="org.gnu.gdb.riscv.fpu">"#)
        lines.append(#"<union id="riscv_double"><field name="float" type="ieee_single"/><field name="double" type="ieee_double"/></union>"#)
        for (i, name) in floatNames.enumerated() {
            lines.append(#"<reg name="\#(name)" bitsize="64" type="riscv_double" regnum="\#(33 + i)"/>"#)
        }
        for csr in DebugRegister.floatingPointCSRs {
            lines.append(#"<reg name="\#(csr.name)" bitsize="32" type="int" regnum="\#(DebugRegister.csrBase + Int(csr.address))"/>"#)
        }
        lines.append("</feature>")
        if bare {
            lines.append(#"<feature name="org.gnu.gdb.riscv.csr">"#)
            for csr in DebugRegister.bareCSRs {
                lines.append(#"<reg name="\#(csr.name)" bitsize="64" type="int" regnum="\#(DebugRegister.csrBase + Int(csr.address))" group="csr"/>"#)
            }
            lines.append("</feature>")
            lines.append(#"<feature name="org.gnu.gdb.riscv.virtual">"#)
            lines.append(#"<reg name="priv" bitsize="64" type="int" regnum="\#(DebugRegister.privilegeNumber)" group="general"/>"#)
            lines.append("</feature>")
        }
        lines.append("</target>")
        return lines.joined(separator: "\n") + "\n"
    }
}
