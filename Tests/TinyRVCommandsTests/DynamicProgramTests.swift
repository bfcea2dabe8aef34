import Testing
@testable import TinyRVCommands
#if canImport(Glibc)
import Glibc
#endif

/// `tinyrv run` of dynamically linked programs through the built executable: the default sysroot, the
/// dynamic loader run as the program (it opens the program itself, so the program lies under --fs-root, and
/// its libraries come from the sysroot's /lib), `--sysroot none`, and the loader found under --fs-root.
@Suite struct DynamicProgramTests {
    static let sysroot = "/usr/riscv64-linux-gnu"
    let directory = "/tmp/tinyrv-dynamic-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    /// Builds `hello` (printf, exit 3) in `directory` with the cross gcc, without -static.
    func buildHello(flags: String = "") throws -> String {
        mkdir(directory, 0o755)
        let source = directory + "/hello.c"
        let text = "#include <stdio.h>\nint main(int c, char **v) { printf(\"dynamic %d %s\\n\", c, v[c - 1]); return 3; }\n"
        let fd = open(source, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = write(fd, text, text.utf8.count)
        close(fd)
        let program = directory + "/hello"
        try #require(system("riscv64-linux-gnu-gcc -O2 \(flags) -o \(program) \(source)") == 0)
        return program
    }

    func run(_ arguments: [String]) throws -> ChildProcess.Result {
        let tinyrv = try #require(ExitStatusTests.tinyrv, "the tinyrv executable is built beside the tests")
        return try ChildProcess.run(tinyrv, arguments, timeout: 60)
    }

    @Test func dynamicProgramRunsWithTheDefaultSysroot() throws {
        defer { _ = system("rm -rf '\(directory)'") }
        for flags in ["", "-no-pie"] {
            let program = try buildHello(flags: flags)
            let r = try run(["run", program, "x"])
            #expect(r.status == 3 && r.stdout == "dynamic 2 x\n" && r.stderr.isEmpty, "flags '\(flags)'")
        }
    }

    @Test func theDynamicLoaderRunsAsAProgram() throws {
        defer { _ = system("rm -rf '\(directory)'") }
        let program = try buildHello()
        let loader = Self.sysroot + "/lib/ld-linux-riscv64-lp64d.so.1"
        let r = try run(["run", "--fs-root", directory, loader, "--library-path", "/lib", program, "y"])
        #expect(r.status == 3)
        #expect(r.stdout == "dynamic 2 y\n")
    }

    @Test func withoutASysrootTheLoaderComesFromTheFileSystemRoot() throws {
        defer { _ = system("rm -rf '\(directory)'") }
        let program = try buildHello()
        let none = try run(["run", "--sysroot", "none", program])
        #expect(none.status == 127)
        #expect(none.stderr.contains("interpreter /lib/ld-linux-riscv64-lp64d.so.1 not found under --fs-root ."))
        try #require(system("mkdir -p '\(directory)/root' && cp -r \(Self.sysroot)/lib '\(directory)/root/lib'") == 0)
        let fromRoot = try run(["run", "--sysroot", "none", "--fs-root", directory + "/root", program, "z"])
        #expect(fromRoot.status == 3 && fromRoot.stdout == "dynamic 2 z\n")
    }
}
