@testable import RISCV

/// Builds Sv39 page tables directly in a test machine's RAM.
///
/// Tables are allocated from `nextTable` upward (default 4 MiB into RAM).
final class PageTableBuilder {
    static let v: UInt64 = 1, r: UInt64 = 2, w: UInt64 = 4, x: UInt64 = 8, u: UInt64 = 16
    static let a: UInt64 = 64, d: UInt64 = 128

    let memory: PhysicalMemory
    let root: UInt64
    private var nextTable: UInt64

    init(memory: PhysicalMemory, tablesAt: UInt64 = TestMachine.ramBase + 0x40_0000) {
        self.memory = memory
        root = tablesAt
        nextTable = tablesAt + 0x1000
        memory.zero(at: root, length: 0x1000)
    }

    /// satp value selecting Sv39 with this root.
    var satp: UInt64 { 8 << 60 | root >> 12 }

    /// Maps `va` to `pa` at `level` (0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB) with `flags` (V is added).
    /// Returns the physical address of the leaf PTE.
    @discardableResult
    func map(_ va: UInt64, to pa: UInt64, flags: UInt64, level: Int = 0) -> UInt64 {
        var table = root
        var current = 2
        while current > level {
            let entry = table + ((va >> (12 + 9 * UInt64(current))) & 0x1ff) * 8
            var pte = memory.load(UInt64.self, at: entry)
            if pte & PageTableBuilder.v == 0 {
                let fresh = nextTable
                nextTable += 0x1000
                memory.zero(at: fresh, length: 0x1000)
                pte = (fresh >> 12) << 10 | PageTableBuilder.v
                memory.store(pte, at: entry)
            }
            table = ((pte >> 10) & ((1 << 44) - 1)) << 12
            current -= 1
        }
        let entry = table + ((va >> (12 + 9 * UInt64(level))) & 0x1ff) * 8
        memory.store((pa >> 12) << 10 | flags | PageTableBuilder.v, at: entry)
        return entry
    }
}
