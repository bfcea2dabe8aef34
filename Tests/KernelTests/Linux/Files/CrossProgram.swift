import ELF
import Foundation
import Testing
@testable import Kernel

/// The cross compiler and qemu-user, which `make deps` installs; a test that needs them fails without them.
enum CrossTools {
    static let compiler = "/usr/bin/riscv64-linux-gnu-gcc"
    static let qemu = "/usr/bin/qemu-riscv64"
}

/// A C program built at test time in a fresh temporary directory, which is also the sandbox root
/// and qemu's working directory: freestanding RV64IMAC (its own `_start`, raw `ecall`s), or an
/// ordinary static glibc program (rv64gc).
struct CrossProgram {
    let directory: String

    /// Writes `source` to prog.c and builds `prog`; throws when the compiler fails.
    init(source: String, glibc: Bool = false) throws {
        try #require(FileManager.default.isExecutableFile(atPath: CrossTools.compiler),
                     "\(CrossTools.compiler) is installed (make deps)")
        directory = NSTemporaryDirectory() + "tinyrv-cross-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try source.write(toFile: directory + "/prog.c", atomically: true, encoding: .utf8)
        let flags = glibc ? "-static -O2"
            : "-nostdlib -static -ffreestanding -fno-builtin -march=rv64imac -mabi=lp64 -O2 -Wl,--no-relax"
        try #require(system("\(CrossTools.compiler) \(flags) -o '\(directory)/prog' '\(directory)/prog.c'") == 0,
                     "the cross compiler built prog.c")
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// fixture/data.txt ("hello world\nsecond line\n"), fixture/sub/inner.txt ("inner\n") and
    /// fixture/link -> data.txt.
    func writeFixture() throws {
        try FileManager.default.createDirectory(atPath: directory + "/fixture/sub", withIntermediateDirectories: true)
        try Data("hello world\nsecond line\n".utf8).write(to: URL(fileURLWithPath: directory + "/fixture/data.txt"))
        try Data("inner\n".utf8).write(to: URL(fileURLWithPath: directory + "/fixture/sub/inner.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/fixture/link", withDestinationPath: "data.txt")
    }

    /// stdout and the shell's view of the exit status (128 + n for a signal) under qemu-riscv64.
    func runUnderQemu() throws -> (output: String, status: Int32) {
        let status = system("cd '\(directory)' && \(CrossTools.qemu) ./prog > qemu.out 2> /dev/null")
        let output = try String(contentsOfFile: directory + "/qemu.out", encoding: .utf8)
        let exited = status & 0x7f == 0
        return (output, exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }

    /// stdout and the outcome on the real hart, with this directory as the sandbox root.
    func runOnHart() throws -> (output: String, outcome: ExitOutcome) {
        let elf = try ELFFile(path: directory + "/prog")
        let image = ProgramImage(entry: elf.entry, segments: elf.segments.map { segment in
            var permissions: MemoryPermissions = []
            if segment.flags.contains(.read) { permissions.insert(.read) }
            if segment.flags.contains(.write) { permissions.insert(.write) }
            if segment.flags.contains(.execute) { permissions.insert(.execute) }
            return ProgramImage.Segment(virtualAddress: segment.virtualAddress, memorySize: segment.memorySize,
                                        bytes: segment.bytes, permissions: permissions)
        })
        var options = Fixtures.options(arguments: ["./prog"])
        options.fileSystemRoot = directory
        let process = try Fixtures.process(image: image, pages: 2048, options: options)
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        process.files.install(.host(HostDescriptor(rawValue: fds[1])), at: 1)
        let outcome = process.run(maxInstructions: 10_000_000)
        close(fds[1])
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let n = read(fds[0], &chunk, 4096), n > 0 { output += chunk[..<n] }
        close(fds[0])
        return (String(decoding: output, as: UTF8.self), outcome)
    }
}
