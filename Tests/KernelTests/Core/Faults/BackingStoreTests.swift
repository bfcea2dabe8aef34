import ELF
import Foundation
import Testing
@testable import Kernel

/// File-backed regions end to end: static glibc programs map files of a sandbox and check what they
/// see; each exits 0 when every check held, else the number of the first that failed. The files are
/// then read on the host.
@Suite struct BackingStoreTests {
    /// Three pages: page n is filled with the letter "A" + n.
    static let threePages = (0..<3).flatMap { [UInt8](repeating: UInt8(ascii: "A") + UInt8($0), count: 4096) }

    /// Builds `body` (the inside of main, with `fail(n)` available) as a static glibc program in a fresh
    /// sandbox holding `files`, runs it on the hart and returns the outcome and the sandbox.
    func run(_ body: String, files: [String: [UInt8]], allowWrites: Bool = false) throws -> (ExitOutcome, CrossProgram) {
        let source = """
            #include <fcntl.h>
            #include <errno.h>
            #include <string.h>
            #include <unistd.h>
            #include <sys/mman.h>
            #define CHECK(n, cond) do { if (!(cond)) return n; } while (0)
            int main(void) {
            \(body)
                return 0;
            }
            """
        let program = try CrossProgram(source: source, glibc: true)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: program.directory + "/" + name)) }
        let elf = try ELFFile(path: program.directory + "/prog")
        var options = Fixtures.options(arguments: ["./prog"])
        options.fileSystemRoot = program.directory
        options.allowFileWrites = allowWrites
        options.memorySize = 64 << 20
        options.maxInstructions = 20_000_000
        let image = ProgramImage(entry: elf.entry, segments: elf.segments.map {
            ProgramImage.Segment(virtualAddress: $0.virtualAddress, memorySize: $0.memorySize, bytes: $0.bytes,
                                 permissions: MemoryPermissions(segment: $0.flags))
        })
        return (try runProgram(image, options: options).outcome, program)
    }

    func contents(_ program: CrossProgram, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: program.directory + "/" + name)))
    }

    @Test func privateMappingIsCopyOnWrite() throws {
        let (outcome, program) = try run("""
                int fd = open("data", O_RDWR);
                CHECK(1, fd == -1 && errno == EACCES);
                fd = open("data", O_RDONLY);
                char *p = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
                CHECK(2, p != MAP_FAILED);
                CHECK(3, p[0] == 'A' && p[4096] == 'B' && p[8191] == 'B' && p[8192] == 'C');
                p[4096] = 'z';
                CHECK(4, p[4096] == 'z');
                char byte;
                CHECK(5, pread(fd, &byte, 1, 4096) == 1 && byte == 'B');
                char *q = mmap(0, 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
                CHECK(6, q != MAP_FAILED && q[0] == 'B');
                CHECK(7, madvise(p, 3 * 4096, MADV_DONTNEED) == 0 && p[4096] == 'B');
            """, files: ["data": Self.threePages])
        defer { program.remove() }
        #expect(outcome == .exited(code: 0))
        #expect(try contents(program, "data") == Self.threePages)
    }

    @Test func sharedMappingIsReadOnlyWithoutWriteAccess() throws {
        let (outcome, program) = try run("""
                int fd = open("data", O_RDONLY);
                char *p = mmap(0, 4096, PROT_READ, MAP_SHARED, fd, 8192);
                CHECK(1, p != MAP_FAILED && p[0] == 'C' && p[4095] == 'C');
                CHECK(2, mprotect(p, 4096, PROT_READ | PROT_WRITE) == -1 && errno == EACCES);
                CHECK(3, mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EACCES);
                CHECK(4, mmap(0, 4096, PROT_READ, MAP_SHARED, fd, 100) == MAP_FAILED && errno == EINVAL);
                CHECK(5, mmap(0, 4096, PROT_READ, MAP_SHARED, 42, 0) == MAP_FAILED && errno == EBADF);
                CHECK(6, mmap(0, 4096, PROT_READ, MAP_SHARED, open(".", O_RDONLY), 0) == MAP_FAILED && errno == ENODEV);
                CHECK(7, close(fd) == 0 && p[1] == 'C');
            """, files: ["data": Self.threePages])
        defer { program.remove() }
        #expect(outcome == .exited(code: 0))
        #expect(try contents(program, "data") == Self.threePages)
    }

    @Test func writableSharedMappingReachesTheFileWithFsWrite() throws {
        let (outcome, program) = try run("""
                int fd = open("data", O_RDWR);
                CHECK(1, fd >= 0);
                char *p = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                CHECK(2, p != MAP_FAILED);
                memcpy(p, "synced", 6);
                CHECK(3, msync(p, 4096, MS_SYNC) == 0);
                char bytes[6];
                CHECK(4, pread(fd, bytes, 6, 0) == 6 && memcmp(bytes, "synced", 6) == 0);
                memcpy(p + 4096, "unmapped", 8);
                CHECK(5, munmap(p + 4096, 4096) == 0);
                CHECK(6, pread(fd, bytes, 6, 4096) == 6 && memcmp(bytes, "unmapp", 6) == 0);
                memcpy(p + 8192, "at exit", 7);
            """, files: ["data": Self.threePages], allowWrites: true)
        defer { program.remove() }
        #expect(outcome == .exited(code: 0))
        var expected = Self.threePages
        expected.replaceSubrange(0..<6, with: Array("synced".utf8))
        expected.replaceSubrange(4096..<4104, with: Array("unmapped".utf8))
        expected.replaceSubrange(8192..<8199, with: Array("at exit".utf8))
        #expect(try contents(program, "data") == expected)
    }

    @Test func writableSharedMappingIsRefusedWithoutFsWrite() throws {
        let (outcome, program) = try run("""
                CHECK(1, open("data", O_RDWR) == -1 && errno == EACCES);
                int fd = open("data", O_RDONLY);
                CHECK(2, mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EACCES);
                char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
                CHECK(3, p != MAP_FAILED);
                p[0] = 'x';
            """, files: ["data": Self.threePages])
        defer { program.remove() }
        #expect(outcome == .exited(code: 0))
        #expect(try contents(program, "data") == Self.threePages)
    }

    @Test func bytesPastTheEndReadZeroAndWholePagesPastItAreSIGBUS() throws {
        let (outcome, program) = try run("""
                int fd = open("short", O_RDONLY);
                volatile char *p = mmap(0, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
                CHECK(1, p != MAP_FAILED && p[0] == 'A' && p[99] == 'A' && p[100] == 0 && p[4095] == 0);
                write(1, "before\\n", 7);
                (void)p[4096];
                return 9;
            """, files: ["short": [UInt8](repeating: UInt8(ascii: "A"), count: 100)])
        defer { program.remove() }
        guard case .killed(let reason, let message) = outcome else {
            Issue.record("expected a SIGBUS kill, got \(outcome)")
            return
        }
        #expect(reason == .busError && reason.exitStatus == 135)
        #expect(message.hasPrefix("bus error: load page fault at "))
        #expect(message.contains("offset 0x1000") && message.contains("/short is past its end (100 bytes)"))
    }

    @Test func partialMunmapAndFixedMappingsKeepFileOffsets() throws {
        let (outcome, program) = try run("""
                int fd = open("data", O_RDONLY);
                char *p = mmap(0, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
                CHECK(1, p != MAP_FAILED);
                CHECK(2, munmap(p + 4096, 4096) == 0);
                CHECK(3, p[0] == 'A' && p[8192] == 'C');
                CHECK(4, msync(p + 4096, 4096, MS_SYNC) == -1 && errno == ENOMEM);
                char *a = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                a[0] = 'x'; a[8192] = 'y';
                char *f = mmap(a + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 8192);
                CHECK(5, f == a + 4096 && f[0] == 'C' && a[0] == 'x' && a[8192] == 'y');
                CHECK(6, mprotect(p, 4096, PROT_NONE) == 0 && mprotect(p, 4096, PROT_READ) == 0 && p[1] == 'A');
            """, files: ["data": Self.threePages])
        defer { program.remove() }
        #expect(outcome == .exited(code: 0))
    }
}

extension MemoryPermissions {
    /// A segment's `p_flags` as permissions.
    init(segment flags: SegmentFlags) {
        self = []
        if flags.contains(.read) { insert(.read) }
        if flags.contains(.write) { insert(.write) }
        if flags.contains(.execute) { insert(.execute) }
    }
}
