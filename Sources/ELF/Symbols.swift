import Synchronization

/// The program's functions and objects from its SHT_SYMTAB section(s), ordered by address for
/// `symbolize` (`SymbolIndex` builds it when first asked).
struct SymbolTable: Sendable {
    private struct Entry: Sendable {
        let name: String, address: UInt64, size: UInt64, isLocal: Bool
    }

    /// Symbols usable by `symbolize`, ordered by address, then globals before locals, then table order.
    private let ordered: [Entry]

    /// Keeps defined, named functions and objects, plus global no-type labels (e.g. `_start` in
    /// assembly); local no-type labels such as mapping symbols (`$x`) are left out.
    init(_ symbols: [RawSymbol]) {
        var ordered: [Entry] = []
        for symbol in symbols where SymbolIndex.isDefined(symbol) {
            let isLocal = symbol.binding == ELFConstant.bindingLocal
            let isCode = symbol.type == ELFConstant.symbolFunction || symbol.type == ELFConstant.symbolObject
            let isGlobalLabel = symbol.type == ELFConstant.symbolNoType && !isLocal
            if isCode || isGlobalLabel {
                ordered.append(Entry(name: symbol.name, address: symbol.value, size: symbol.size, isLocal: isLocal))
            }
        }
        func sortKey(_ item: (offset: Int, element: Entry)) -> (UInt64, Int, Int) {
            (item.element.address, item.element.isLocal ? 1 : 0, item.offset)
        }
        self.ordered = ordered.enumerated().sorted { sortKey($0) < sortKey($1) }.map(\.element)
    }

    /// The symbol whose start is the greatest one at or below `address`, with the offset into it.
    /// Among symbols starting there, one whose size covers `address` is chosen, globals first; failing
    /// that, a size-0 symbol (nearest label below). Nil when none applies.
    func symbolize(_ address: UInt64) -> (name: String, offset: UInt64)? {
        var low = 0, high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if ordered[middle].address <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let start = ordered[low - 1].address
        let offset = address - start
        var first = low - 1
        while first > 0 && ordered[first - 1].address == start { first -= 1 }
        let group = ordered[first..<low]
        if let covering = group.first(where: { $0.size > offset }) { return (covering.name, offset) }
        if let label = group.first(where: { $0.size == 0 }) { return (label.name, offset) }
        return nil
    }
}

/// The symbols of an ELF file as read. A name is looked up by a scan; the address-ordered table
/// `symbolize` needs is built at its first use, so loading a program (every execve) does not pay
/// for it.
final class SymbolIndex: Sendable {
    private let symbols: [RawSymbol]
    private let table = Mutex<SymbolTable?>(nil)

    init(_ symbols: [RawSymbol]) { self.symbols = symbols }

    /// True for a named symbol defined in some section.
    static func isDefined(_ symbol: RawSymbol) -> Bool {
        !symbol.name.isEmpty && symbol.sectionIndex != ELFConstant.sectionUndefined
    }

    /// The value of the defined symbol `name`, or nil if there is none. For a name defined more than
    /// once, a global or weak definition wins over a local one, then the first in table order.
    func address(of name: String) -> UInt64? {
        var local: UInt64?
        for symbol in symbols where symbol.name == name && SymbolIndex.isDefined(symbol) {
            if symbol.binding != ELFConstant.bindingLocal { return symbol.value }
            if local == nil { local = symbol.value }
        }
        return local
    }

    /// `SymbolTable.symbolize` over these symbols.
    func symbolize(_ address: UInt64) -> (name: String, offset: UInt64)? {
        table.withLock { table in
            if table == nil { table = SymbolTable(symbols) }
            return table?.symbolize(address)
        }
    }
}
