import ArgumentParser
import Dispatch
import ELF
import Glibc

/// `tinyrv test`: runs every guest program in the given directories (or files) under `tinyrv run`,
/// each in its own child process, and checks the outcome it declares (see `TestExpectation`).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a directory of guest test programs and check each one's declared outcome.",
        discussion: """
            Each ELF may declare its expected status, stdout, stderr substrings, arguments and run options in \
            a '.tinyrv_expect' section; without one it must exit 0. Prints one line per test and ends with \
            'N passed, N failed'. Exits 0 only if every test passes, 1 otherwise.
            """
    )

    @Argument(help: "Directories of test programs, or single programs.")
    var paths: [String]

    @Option(help: ArgumentHelp("Seconds a test may run before it is killed and fails.", valueName: "SECONDS"))
    var timeout: Double = 60

    @Option(help: ArgumentHelp("Tests run at once (default: the number of cores).", valueName: "N"))
    var jobs: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    @Flag(help: "Print each failing test's stdout and stderr.")
    var verbose = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        var programs: [String] = []
        for path in paths {
            guard let found = TestDiscovery.programs(at: path) else {
                throw Failure(status: ExitStatus.notFound, message: "\(path): no such file or directory")
            }
            programs += found
        }
        let tinyrv = try TestDiscovery.selfExecutable()
        let results = ResultSlots(count: programs.count)
        let next = NextIndex()
        let timeout = self.timeout
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(programs.count, 1))) { _ in
            while let i = next.take(below: programs.count) {
                results.store(TestResult.run(programs[i], tinyrv: tinyrv, timeout: timeout), at: i)
            }
        }
        var passed = 0, failed = 0
        for result in results.all {
            print(result.line)
            if result.failure == nil { passed += 1 } else { failed += 1 }
            if verbose, result.failure != nil { print(result.capturedOutput) }
        }
        print("\(passed) passed, \(failed) failed")
        throw GuestExit(status: failed == 0 && passed > 0 ? 0 : 1)
    }
}

/// Results filled in by worker threads, each slot written once under a lock.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [TestResult?]
    private let lock = PthreadMutex()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ result: TestResult, at index: Int) { lock.locked { slots[index] = result } }
    var all: [TestResult] { lock.locked { slots.compactMap { $0 } } }
}

/// Hands out test indices to worker threads.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = PthreadMutex()
    func take(below limit: Int) -> Int? {
        lock.locked {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// A pthread mutex, without Foundation.
private final class PthreadMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}

/// One test's verdict.
struct TestResult {
    let name: String
    let seconds: Double
    let failure: String?
    let capturedOutput: String

    var line: String {
        let padded = name.count < 32 ? name + String(repeating: " ", count: 32 - name.count) : name
        if let failure { return "FAIL  \(padded) \(failure)" }
        return "PASS  \(padded) \(String(format2: seconds))s"
    }

    /// Runs `program` through `tinyrv run` and judges it against its declared expectation.
    static func run(_ program: String, tinyrv: String, timeout: Double) -> TestResult {
        let name = program.split(separator: "/").last.map(String.init) ?? program
        let clock = WallClock()
        let expectation: TestExpectation
        do {
            let elf = try ELFFile(path: program)
            if let section = elf.section(named: TestExpectation.sectionName) {
                expectation = try TestExpectation(section: section)
            } else {
                expectation = TestExpectation()
            }
        } catch {
            return TestResult(name: name, seconds: 0, failure: "\(error)", capturedOutput: "")
        }
        do {
            let args = ["run"] + expectation.options + [program] + expectation.arguments
            let r = try ChildProcess.run(tinyrv, args, timeout: timeout)
            let failure = r.timedOut
                ? "timed out after \(Int(timeout))s"
                : expectation.mismatch(status: r.status, stdout: r.stdout, stderr: r.stderr)
                    .map { r.stderr.isEmpty ? $0 : "\($0) | \(firstLine(r.stderr))" }
            return TestResult(name: name, seconds: clock.seconds, failure: failure,
                              capturedOutput: "--- stdout\n\(r.stdout)--- stderr\n\(r.stderr)")
        } catch {
            return TestResult(name: name, seconds: clock.seconds, failure: "\(error)", capturedOutput: "")
        }
    }

    private static func firstLine(_ s: String) -> String {
        String(s.split(separator: "\n").first ?? "")
    }
}

extension String {
    /// `value` with two decimals, without Foundation.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
