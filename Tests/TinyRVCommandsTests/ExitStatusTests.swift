import Testing
@testable import TinyRVCommands
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `tinyrv` executable (it sits beside the test bundle in .build/<config>/) and checks
/// the documented exit statuses and messages of bad input.
@Suite struct ExitStatusTests {
    static let tinyrv: String? = {
        guard let me = try? TestDiscovery.selfExecutable() else { return nil }
        var dir = me
        while let slash = dir.lastIndex(of: "/") {
            dir = String(dir[..<slash])
            let candidate = dir + "/tinyrv"
            if access(candidate, X_OK) == 0, !candidate.hasSuffix(".xctest/tinyrv") { return candidate }
            if dir.hasSuffix("/.build") { break }
        }
        return nil
    }()

    func run(_ arguments: [String]) throws -> ChildProcess.Result {
        let tinyrv = try #require(Self.tinyrv, "the tinyrv executable is built beside the tests")
        return try ChildProcess.run(tinyrv, arguments, timeout: 30)
    }

    @Test func missingFileIs127() throws {
        let r = try run(["run", "/nonexistent/program"])
        #expect(r.status == 127)
        #expect(r.stderr == "tinyrv: /nonexistent/program: no such file\n")
    }

    @Test func nonELFIs126() throws {
        let path = "/tmp/tinyrv-not-elf-\(getpid())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = write(fd, "#!/bin/sh\n", 10)
        close(fd)
        defer { unlink(path) }
        let r = try run(["run", path])
        #expect(r.status == 126)
        #expect(r.stderr == "tinyrv: \(path): not an ELF file\n")
    }

    @Test func usageErrorsAre125() throws {
        #expect(try run(["run", "--stack-pages", "0", "x"]).status == 125)
        #expect(try run(["run", "--memory", "12Q", "x"]).status == 125)
        #expect(try run(["frobnicate"]).status == 125)
        #expect(try run(["run"]).status == 125)
    }

    @Test func helpIsZeroAndExplainsEveryOption() throws {
        let r = try run(["run", "--help"])
        #expect(r.status == 0)
        for option in ["--bare", "--stack-pages", "--memory", "--max-instructions", "--trace", "--trace-file",
                       "--stats", "--env", "--unset-env", "--clear-env", "--fs-root", "--fs-write", "--sysroot"] {
            #expect(r.stdout.contains(option), "help mentions \(option)")
        }
    }

    /// A program whose PT_INTERP names a loader no root holds is refused before it runs, with one line
    /// naming the interpreter and where it was looked for, and 127; it never starts at its own entry.
    @Test func missingInterpreterIs127AndNamesThePathAndTheSysroot() throws {
        let directory = "/tmp/tinyrv-interp-\(getpid())"
        mkdir(directory, 0o755)
        defer { _ = system("rm -rf '\(directory)'") }
        let source = directory + "/p.S"
        let fd = open(source, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let text = ".globl _start\n_start:\n li a0, 7\n li a7, 93\n ecall\n"
        _ = write(fd, text, text.utf8.count)
        close(fd)
        let program = directory + "/p"
        try #require(system("riscv64-linux-gnu-gcc -nostartfiles -no-pie -Wl,--no-as-needed -Wl,--dynamic-linker=/lib/ld-missing.so.1 -o \(program) \(source) -lc") == 0)
        let none = try run(["run", "--sysroot", "none", "--fs-root", directory, program])
        #expect(none.status == 127)
        #expect(none.stderr == "tinyrv: \(program): interpreter /lib/ld-missing.so.1 not found under --fs-root \(directory) (no sysroot: give one with --sysroot DIR)\n")
        let some = try run(["run", "--sysroot", directory, "--fs-root", directory, program])
        #expect(some.status == 127)
        #expect(some.stderr == "tinyrv: \(program): interpreter /lib/ld-missing.so.1 not found in sysroot \(directory) or under --fs-root \(directory)\n")
        #expect(try run(["run", "--sysroot", directory + "/nothing", program]).status == 125)
    }

    @Test func testOfAMissingDirectoryIs127() throws {
        #expect(try run(["test", "/nonexistent/dir"]).status == 127)
    }
}
