import Foundation
import Testing
@testable import TinyRVCommands
#if canImport(Glibc)
import Glibc
#endif

/// `tinyrv run prog | head -c 0`: the host's SIGPIPE never kills tinyrv. The guest's write gets
/// EPIPE and, unless the guest ignores or blocks SIGPIPE, the guest dies of it: status 141 and one
/// `tinyrv: killed:` line.
@Suite struct BrokenPipeTests {
    static let compiler = "/usr/bin/riscv64-linux-gnu-gcc"
    static let source = #"""
        #include <errno.h>
        #include <signal.h>
        #include <stdio.h>
        #include <string.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            if (argc > 1 && strcmp(argv[1], "ignore") == 0) signal(SIGPIPE, SIG_IGN);
            if (argc > 1 && strcmp(argv[1], "block") == 0) {
                sigset_t set;
                sigemptyset(&set);
                sigaddset(&set, SIGPIPE);
                sigprocmask(SIG_BLOCK, &set, 0);
            }
            long n = write(1, "hello\n", 6);
            fprintf(stderr, "write=%ld errno=%d\n", n, n < 0 ? errno : 0);
            return 3;
        }
        """#

    /// Builds the program once into a temporary directory.
    static let program: String? = {
        guard access(compiler, X_OK) == 0 else { return nil }
        let directory = NSTemporaryDirectory() + "tinyrv-pipe-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil,
              (try? source.write(toFile: directory + "/prog.c", atomically: true, encoding: .utf8)) != nil,
              system("\(compiler) -static -O2 -o '\(directory)/prog' '\(directory)/prog.c'") == 0 else { return nil }
        return directory + "/prog"
    }()

    /// Runs `tinyrv run prog mode` with stdout a pipe whose reader is gone.
    func runIntoBrokenPipe(_ mode: String) throws -> ChildProcess.Result {
        let tinyrv = try #require(ExitStatusTests.tinyrv, "the tinyrv executable is built beside the tests")
        let program = try #require(Self.program, "\(Self.compiler) built the test program (make deps)")
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        return try ChildProcess.run(tinyrv, ["run", program, mode], timeout: 30, standardOutput: fds[1])
    }

    @Test func theDefaultActionKillsTheGuestWithALine() throws {
        let r = try runIntoBrokenPipe("default")
        #expect(r.status == 141)
        #expect(r.stderr.hasPrefix("tinyrv: killed: broken pipe (SIGPIPE) (pc 0x"), "got \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["ignore", "block"])
    func anIgnoredOrBlockedSIGPIPEGivesEPIPE(mode: String) throws {
        let r = try runIntoBrokenPipe(mode)
        #expect(r.status == 3)
        #expect(r.stderr == "write=-1 errno=32\n")
    }
}
