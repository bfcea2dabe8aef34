import Foundation
import Testing
import ELF

/// Parses a real static glibc program built by the cross compiler; skipped when it is not installed.
@Suite struct CrossCompiledBinaryTests {
    static let compiler = "/usr/bin/riscv64-linux-gnu-gcc"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: compiler)))
    func staticHelloWorldParses() throws {
        let directory = try TemporaryFile.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("hello.c")
        let binary = directory.appendingPathComponent("hello")
        try Data("#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n".utf8).write(to: source)
        let gcc = Process()
        gcc.executableURL = URL(fileURLWithPath: Self.compiler)
        gcc.arguments = ["-static", "-O1", "-o", binary.path, source.path]
        try gcc.run()
        gcc.waitUntilExit()
        try #require(gcc.terminationStatus == 0)

        let file = try ELFFile(path: binary.path)
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
}
