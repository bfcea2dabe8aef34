import Foundation
import Testing
@testable import Kernel

/// A temporary tree for sandbox tests, removed by `remove()` or when the tree is released:
///
///     <base>/outside.txt              "secret\n"  (outside the root)
///     <base>/root/file.txt            "hello sandbox\n"
///     <base>/root/sub/inner.txt       "inner\n"
///     <base>/root/escape          ->  ../outside.txt
///     <base>/root/absolute-escape ->  <base>/outside.txt
///     <base>/root/inside-link     ->  sub/inner.txt
final class SandboxTree {
    let base: String
    var root: String { base + "/root" }

    init() throws {
        let manager = FileManager.default
        base = NSTemporaryDirectory() + "tinyrv-sandbox-" + UUID().uuidString
        try manager.createDirectory(atPath: base + "/root/sub", withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: base + "/outside.txt"))
        try Data("hello sandbox\n".utf8).write(to: URL(fileURLWithPath: base + "/root/file.txt"))
        try Data("inner\n".utf8).write(to: URL(fileURLWithPath: base + "/root/sub/inner.txt"))
        try manager.createSymbolicLink(atPath: base + "/root/escape", withDestinationPath: "../outside.txt")
        try manager.createSymbolicLink(atPath: base + "/root/absolute-escape", withDestinationPath: base + "/outside.txt")
        try manager.createSymbolicLink(atPath: base + "/root/inside-link", withDestinationPath: "sub/inner.txt")
    }

    deinit { remove() }

    func remove() { try? FileManager.default.removeItem(atPath: base) }

    /// The text of the host file at `path`, nil if it cannot be read.
    static func contents(of path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// A process whose sandbox is this tree's root (and with `sysroot` as its sysroot).
    func process(allowWrites: Bool = false, root: String? = nil, sysroot: String? = nil) throws -> Kernel.Process {
        var options = Fixtures.options(arguments: ["bin/prog"])
        options.fileSystemRoot = root ?? self.root
        options.allowFileWrites = allowWrites
        options.sysroot = sysroot
        return try Fixtures.process(options: options)
    }
}

/// Scratch addresses in the fixture's data region (0x11000-0x12800, rw).
enum Scratch {
    static let path: UInt64 = 0x11000
    static let buffer: UInt64 = 0x11400
}

extension Kernel.Process {
    /// Runs syscall `number` through the table with up to six arguments.
    func call(_ number: UInt64, _ arguments: UInt64...) -> Int64 {
        let definition = SyscallTable.definitions[number]!
        guard case .value(let value) = definition.run(self, arguments + [UInt64](repeating: 0, count: 6 - arguments.count)) else {
            Issue.record("syscall \(number) did not return a value")
            return Int64.min
        }
        return value
    }

    /// Runs the syscall named `name` in the table with up to six arguments, as dispatch does.
    func syscall(_ name: String, _ arguments: [UInt64]) -> SyscallResult {
        let definition = SyscallTable.definitions.values.first { $0.name == name }!
        return definition.run(self, arguments + [UInt64](repeating: 0, count: 6 - arguments.count))
    }

    /// Puts `path` (NUL-terminated) at `Scratch.path` and returns that address.
    func guestPath(_ path: String) throws -> UInt64 {
        try copyOut(Array(path.utf8) + [0], to: Scratch.path).get()
        return Scratch.path
    }

    /// openat(AT_FDCWD or `directory`, path, flags, mode).
    func open(_ path: String, flags: UInt64 = 0, mode: UInt64 = 0o644, directory: Int64 = -100) throws -> Int64 {
        call(56, UInt64(bitPattern: directory), try guestPath(path), flags, mode)
    }

    /// read(fd, Scratch.buffer, count), returning the bytes read as text (or nil on error).
    func readText(_ fd: Int64, count: Int = 256) -> String? {
        let n = call(63, UInt64(bitPattern: fd), Scratch.buffer, UInt64(count))
        guard n >= 0 else { return nil }
        return String(decoding: peek(Scratch.buffer, count: Int(n)) ?? [], as: UTF8.self)
    }
}

/// Linux errno values as the guest sees them.
enum GuestErrno {
    static let ENOENT: Int64 = -2, EBADF: Int64 = -9, EACCES: Int64 = -13, EEXIST: Int64 = -17
    static let ENOTDIR: Int64 = -20, EISDIR: Int64 = -21, EINVAL: Int64 = -22, ERANGE: Int64 = -34
}
