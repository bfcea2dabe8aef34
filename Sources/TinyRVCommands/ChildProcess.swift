import Glibc

/// Runs a program as a child process with stdin from /dev/null and stdout/stderr captured, so that a
/// guest that misbehaves can never take the test runner down with it. The one choke point for
/// posix_spawn in tinyrv.
struct ChildProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    enum Error: Swift.Error, CustomStringConvertible {
        case spawnFailed(String, Int32)
        case tempFile(Int32)
        var description: String {
            switch self {
            case let .spawnFailed(path, e): return "cannot start \(path): \(String(cString: strerror(e)))"
            case let .tempFile(e): return "cannot create a temporary file: \(String(cString: strerror(e)))"
            }
        }
    }

    /// Runs `path` with `arguments` (argv[0] is `path`), waiting at most `timeout` seconds before
    /// killing it (then `timedOut` is true and status is 124). A signal death maps to 128 + signal.
    /// stdout goes to `standardOutput` when given (then `stdout` is empty). The child starts with
    /// SIGPIPE at its default action, as from a shell, whatever tinyrv itself does with it.
    static func run(_ path: String, _ arguments: [String], timeout: Double, standardOutput: Int32? = nil) throws -> Result {
        let out = try TempFile()
        let err = try TempFile()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput ?? out.fd, 1)
        posix_spawn_file_actions_adddup2(&actions, err.fd, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw Error.spawnFailed(path, rc) }

        let clock = WallClock()
        var raw: Int32 = 0
        var timedOut = false
        while waitpid(pid, &raw, WNOHANG) == 0 {
            if clock.seconds > timeout {
                kill(pid, SIGKILL)
                waitpid(pid, &raw, 0)
                timedOut = true
                break
            }
            usleep(1000)
        }
        let signal = raw & 0x7f
        let status: Int32 = timedOut ? 124 : (signal == 0 ? (raw >> 8) & 0xff : 128 + signal)
        return Result(status: status, stdout: out.contents(), stderr: err.contents(), timedOut: timedOut)
    }
}

/// An unlinked temporary file, closed when the value is released.
private final class TempFile {
    let fd: Int32

    init() throws {
        var template = Array("/tmp/tinyrv-test-XXXXXX".utf8CString)
        fd = mkstemp(&template)
        guard fd >= 0 else { throw ChildProcess.Error.tempFile(errno) }
        unlink(template)
    }

    deinit { close(fd) }

    func contents() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let n = pread(fd, &buffer, buffer.count, offset)
            if n <= 0 { break }
            bytes += buffer[0..<n]
            offset += off_t(n)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
