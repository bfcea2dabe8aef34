import GDBStub
import Kernel
import RISCV

/// Collects the stub's diagnostic lines.
final class Warnings {
    var lines: [String] = []
}

/// A target over a bare hart that may claim to be hosted (to check the hosted register set).
final class HartTarget: SingleThreadTarget {
    let hart: Hart
    let isBare: Bool

    init(hart: Hart, bare: Bool) {
        self.hart = hart
        self.isBare = bare
    }

    func readMemory(_ address: UInt64, count: Int, process pid: Int64) -> [UInt8] { hart.debugRead(address, count: count) }
    func writeMemory(_ bytes: [UInt8], at address: UInt64, process pid: Int64) -> Bool { hart.debugWrite(bytes, at: address) }
}

/// A hart with 1 MiB of RAM at 0x8000_0000 and a stub serving it to a scripted client.
final class StubFixture {
    static let ram: UInt64 = 0x8000_0000
    let hart: Hart
    let connection: ScriptedConnection
    let server: GDBServer
    let warnings = Warnings()

    convenience init(_ packets: [String] = [], bare: Bool = true) throws {
        try self.init(chunks: packets.map { PacketDecoder.frame(Array($0.utf8)) }, bare: bare)
    }

    init(chunks: [[UInt8]], bare: Bool = true) throws {
        let memory = try PhysicalMemory(size: 1 << 20)
        hart = Hart(memory: memory, delivery: .architectural)
        hart.pc = StubFixture.ram
        connection = ScriptedConnection(chunks)
        let warnings = self.warnings
        server = GDBServer(connection: connection, target: HartTarget(hart: hart, bare: bare),
                           warn: { warnings.lines.append($0) })
    }

    /// Serves from the first stop: the resume the client chose, and the replies sent until then.
    func serve() -> (DebugResume, [String]) {
        let resume = server.stopped(.started)
        return (resume, connection.replies)
    }
}
