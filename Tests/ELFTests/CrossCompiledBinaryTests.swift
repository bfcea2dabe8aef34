import Foundation
import Testing
import ELF

/// Parses real programs built by the cross compiler (`make deps` installs it; without it these tests fail).
@Suite struct CrossCompiledBinaryTests {
    static let compiler = "/usr/bin/riscv64-linux-gnu-gcc"

    static let bareMetalSource = """
        .section .text.init
        .globl _start
        _start:
            li t0, 1
            la t1, tohost
            sd t0, 0(t1)
        1:  j 1b
        .section .tohost, "aw", @progbits
        .align 6
        .globl tohost
        tohost: .dword 0
        .align 6
        .globl fromhost
        fromhost: .dword 0

        """

    /// Compiles `source` (named `name`, so the suffix picks C or assembly) with `flags` into `directory`;
    /// returns the binary's path.
    private func compile(_ source: String, named name: String, flags: [String], in directory: URL) throws -> String {
        let sourceURL = directory.appendingPathComponent(name)
        let binary = directory.appendingPathComponent("program").path
        try Data(source.utf8).write(to: sourceURL)
        let gcc = Process()
        gcc.executableURL = URL(fileURLWithPath: Self.compiler)
        gcc.arguments = flags + ["-o", binary, sourceURL.path]
        try gcc.run()
        gcc.waitUntilExit()
        try #require(gcc.terminationStatus == 0)
        return binary
    }

    @Test
    func staticHelloWorldParses() throws {
        let directory = try TemporaryFile.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try compile("#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n",
                               named: "hello.c", flags: ["-static", "-O1"], in: directory)
        let file = try ELFFile(path: path)
        #expect(file.entry == file.symbol(named: "_start"))
        let main = try #require(file.symbol(named: "main"))
        let symbolized = try #require(file.symbolize(main + 2))
        #expect(symbolized.name == "main" && symbolized.offset == 2)
        let text = try #require(file.segments.first { $0.flags.contains(.execute) })
        #expect(text.virtualAddress <= file.entry && file.entry < text.virtualEnd)
        #expect(!text.flags.contains(.write))
        #expect(file.segments.contains { $0.flags == [.read, .write] })
        #expect(file.programHeaders.entrySize == 56)
        #expect(file.programHeaders.count >= 2)
        let phdr = try #require(file.programHeaders.virtualAddress)
        #expect(phdr == text.virtualAddress + file.programHeaders.fileOffset - text.fileOffset)
        #expect(file.tls != nil)
        #expect(file.section(named: ".text")?.isEmpty == false)
        #expect(file.section(named: ".bss") == nil)
    }

    @Test
    func bareMetalProgramExposesTohostAndItsEntry() throws {
        let directory = try TemporaryFile.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try compile(Self.bareMetalSource, named: "bare.S", flags: [
            "-march=rv64imac", "-mabi=lp64", "-nostdlib", "-nostartfiles", "-static", "-Wl,-Ttext=0x80000000",
        ], in: directory)
        let file = try ELFFile(path: path)
        #expect(file.entry == 0x8000_0000)
        #expect(file.symbol(named: "_start") == 0x8000_0000)
        let tohost = try #require(file.symbol(named: "tohost"))
        #expect(file.symbol(named: "fromhost") == tohost + 64)
        #expect(file.segments.contains { $0.virtualAddress <= tohost && tohost + 8 <= $0.virtualEnd && $0.flags.contains(.write) })
        let label = try #require(file.symbolize(0x8000_0004))
        #expect(label.name == "_start" && label.offset == 4)
    }

    @Test
    func positionIndependentExecutableIsAcceptedAsSuch() throws {
        let directory = try TemporaryFile.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try compile(Self.bareMetalSource, named: "pie.S", flags: ["-nostdlib", "-nostartfiles"], in: directory)
        let file = try ELFFile(path: path)
        #expect(file.isPositionIndependent)
        #expect(file.interpreter == "/lib/ld-linux-riscv64-lp64d.so.1")
    }

    @Test
    func staticExecutableHasNoInterpreter() throws {
        let directory = try TemporaryFile.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try compile(Self.bareMetalSource, named: "static.S", flags: ["-nostdlib", "-nostartfiles", "-static", "-no-pie"], in: directory)
        let file = try ELFFile(path: path)
        #expect(!file.isPositionIndependent)
        #expect(file.interpreter == nil)
    }
}
