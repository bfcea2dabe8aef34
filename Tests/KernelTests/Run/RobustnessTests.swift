import Testing
@testable import Kernel
import RISCV
#if canImport(Glibc)
import Glibc
#endif

/// No guest program may crash or hang tinyrv: random syscalls with hostile arguments, and random
/// instruction words, all end in an exit, a kill or the budget.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Values that probe the edges of every check.
    static let interesting: [Int64] = [
        0, 1, -1, 2, 3, 6, 8, 16, 64, 100, 4095, 4096, 4097, -4096, 0x1000_0000, Int64.max, Int64.min,
        0x10000, 0x11000, 0x11ff8, 0x13000, 0x3F_FFFF_E000, 0x3F_FFFF_EFF8, 0x3F_FFFF_F000, 0x3F_FFFF_5000,
        0x40_0000_0000, -100, 0x1000, 0x22, 0x200, 0x5401,
    ]

    func run(_ code: [UInt32], tree: TemporaryTree) throws -> ExitOutcome {
        try runProcess(code, tree: tree).outcome
    }

    func runProcess(_ code: [UInt32], tree: TemporaryTree) throws -> (outcome: ExitOutcome, process: Process) {
        let image = ProgramImage(entry: 0x10000, segments: [
            .init(virtualAddress: 0x10000, memorySize: UInt64(code.count * 4), bytes: Asm.bytes(code), permissions: [.read, .execute]),
            .init(virtualAddress: 0x11000, memorySize: 0x1000, bytes: [], permissions: [.read, .write]),
        ])
        var options = Fixtures.options()
        options.fileSystemRoot = tree.root
        let process = try Fixtures.process(image: image, pages: 512, options: options)
        let null = open("/dev/null", O_RDWR)
        defer { close(null) }
        for fd in 0...2 { process.files.install(.host(HostDescriptor(rawValue: null)), at: fd) }
        return (process.run(maxInstructions: 20_000), process)
    }

    /// Regions never overlap, every mapped page lies in a region and has its own allocated frame,
    /// and each region's resident count is the number of its mapped pages.
    func expectConsistent(_ space: AddressSpace) {
        let regions = space.regions
        for (a, b) in zip(regions, regions.dropFirst()) { #expect(a.pageEnd <= b.start, "regions overlap") }
        for region in regions {
            #expect(region.residentPages == space.pageTable.mappedPages(from: region.start, to: region.pageEnd).count,
                    "resident count of \(region.kind) region at \(region.start)")
        }
        var frames: Set<UInt64> = []
        for page in space.pageTable.mappedPages(from: 0, to: PageTable.userLimit) {
            #expect(space.region(containing: page) != nil, "page \(page) outside every region")
            let frame = space.pageTable.lookup(virtualAddress: page)!.physicalAddress
            #expect(space.frames.isAllocated(frame: frame) && frames.insert(frame).inserted)
        }
    }

    @Test func randomSyscallsWithHostileArguments() throws {
        let tree = TemporaryTree()
        let numbers = SyscallTable.definitions.keys.filter { $0 != 101 }.sorted() + [999, 2002]
        var random = SplitMix(state: 42)
        for _ in 0..<100 {
            var code: [UInt32] = []
            for _ in 0..<12 {
                for register in 10...15 {
                    let value = Bool.random(using: &random) ? Self.interesting.randomElement(using: &random)!
                        : Int64(bitPattern: random.next())
                    code += Asm.li(register, value)
                }
                code += Asm.syscall(Int64(numbers.randomElement(using: &random)!))
            }
            code += Asm.li(Asm.a0, 0) + Asm.exit
            let outcome = try run(code, tree: tree)
            if case .killed(let reason, _) = outcome {
                switch reason {
                case .abort, .memoryFault, .busError, .signal: break
                default: Issue.record("killed by \(reason): only a signal the guest sent or a bad pointer may kill")
                }
            }
        }
        #expect(tree.read(tree.root + "/a.txt") == "hello")
    }

    @Test func randomInstructionWords() throws {
        let tree = TemporaryTree()
        var random = SplitMix(state: 7)
        var endings: Set<Int32> = []
        for _ in 0..<100 {
            let code = (0..<64).map { _ in UInt32(truncatingIfNeeded: random.next()) }
            endings.insert(try run(code, tree: tree).exitStatus)
        }
        #expect(endings.contains(132), "random words hit illegal instructions")
        #expect(endings.count > 1, "and end in other ways too")
    }

    /// Interleaved sbrk, mmap, munmap, mprotect, mremap, madvise and touches over two small windows,
    /// so regions split, merge, move and shrink under each other.
    @Test func memoryCallsThatCollide() throws {
        let tree = TemporaryTree()
        var random = SplitMix(state: 2001)
        var endings: Set<Int32> = []
        for _ in 0..<100 {
            var code: [UInt32] = []
            func page() -> Int64 {
                let base: Int64 = Bool.random(using: &random) ? 0x4000_0000 : 0x13000
                return base + Int64.random(in: 0..<24, using: &random) * 4096
            }
            func size() -> Int64 { Int64.random(in: 1...6, using: &random) * 4096 - (Bool.random(using: &random) ? 0 : 100) }
            for _ in 0..<24 {
                switch Int.random(in: 0..<16, using: &random) {
                case 0...2: code += Asm.li(Asm.a0, Bool.random(using: &random) ? size() : -size()) + Asm.syscall(2000)
                case 3...6:
                    code += Asm.li(Asm.a0, page()) + Asm.li(Asm.a1, size()) + Asm.li(Asm.a2, Int64.random(in: 0...7, using: &random))
                        + Asm.li(Asm.a3, Bool.random(using: &random) ? 0x32 : 0x22) + Asm.li(Asm.a4, -1) + Asm.li(Asm.a5, 0)
                        + Asm.syscall(222)
                case 7...8: code += Asm.li(Asm.a0, page()) + Asm.li(Asm.a1, size()) + Asm.syscall(215)
                case 9...10: code += Asm.li(Asm.a0, page()) + Asm.li(Asm.a1, size()) + Asm.li(Asm.a2, Int64.random(in: 0...7, using: &random)) + Asm.syscall(226)
                case 11...12: code += Asm.li(Asm.a0, page()) + Asm.li(Asm.a1, size()) + Asm.li(Asm.a2, size()) + Asm.li(Asm.a3, 1) + Asm.syscall(216)
                case 13: code += Asm.li(Asm.a0, page()) + Asm.li(Asm.a1, size()) + Asm.li(Asm.a2, 4) + Asm.syscall(233)
                default:
                    code += Asm.li(Asm.t0, page() + Int64.random(in: 0..<2000, using: &random))
                    code += Bool.random(using: &random) ? [Asm.sb(Asm.t0, Asm.t0, 0)] : [Asm.lbu(Asm.t1, Asm.t0, 0)]
                }
            }
            code += Asm.li(Asm.a0, 0) + Asm.exit
            let (outcome, process) = try runProcess(code, tree: tree)
            endings.insert(outcome.exitStatus)
            expectConsistent(process.addressSpace)
        }
        #expect(endings.isSubset(of: [0, 139]))
        #expect(endings == [0, 139], "some runs survive, some touch what was taken away")
    }
}
