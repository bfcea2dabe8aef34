import Glibc

// The host boundary (as swift-system is for Swift, and LibELF.swift for libelf): every libc call the
// kernel makes goes through the files of this folder, which alone import Glibc and CHostSys. A call
// here takes typed values (`HostDescriptor`, `HostFileStatus`, ...), makes a call interrupted by a
// host signal (EINTR) again, and returns `HostResult`: its value, or the host's errno as the guest's
// `Errno` (both sides use Linux's numbers). Guest-facing code turns that into a syscall result with
// `SyscallResult(_:)` or `orFail()`.

/// A host call's value, or the errno it failed with.
typealias HostResult<Value> = Result<Value, Errno>

/// One of tinyrv's own descriptors on the host (swift-system's `FileDescriptor`), never a guest's
/// descriptor number: the file table maps those to these.
struct HostDescriptor: Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int32

    init(rawValue: Int32) { self.rawValue = rawValue }

    static let standardInput = HostDescriptor(rawValue: 0)
    static let standardOutput = HostDescriptor(rawValue: 1)
    static let standardError = HostDescriptor(rawValue: 2)

    var description: String { String(rawValue) }
}

extension Errno {
    /// The host's one-line text for this error (strerror): "No such file or directory".
    var message: String { String(cString: strerror(Int32(rawValue))) }
}

/// The helpers every wrapper of this folder uses.
enum Host {
    /// The host's current errno as the guest's; EIO for one the kernel's table does not know.
    static var lastError: Errno { Errno(rawValue: Int64(errno)) ?? .EIO }

    /// Runs `call` (a libc call that returns -1 and sets errno on failure) until it does not fail
    /// with EINTR; returns its value or its errno.
    static func retryingInterrupts<Value: BinaryInteger>(_ call: () -> Value) -> HostResult<Value> {
        while true {
            let value = call()
            if value >= 0 { return .success(value) }
            if errno != EINTR { return .failure(lastError) }
        }
    }

    /// Runs `call` (a libc call that returns 0, or -1 and errno) until it does not fail with EINTR.
    static func retryingInterrupts(_ call: () -> Int32) -> HostResult<Void> {
        let result: HostResult<Int32> = retryingInterrupts(call)
        return result.map { _ in () }
    }

    /// Runs `call` (a CHostSys shim, which returns its value or -errno) until it does not fail with
    /// EINTR; returns its value or its errno.
    static func retryingShim<Value: BinaryInteger>(_ call: () -> Value) -> HostResult<Value> {
        while true {
            let value = call()
            if value >= 0 { return .success(value) }
            if Int64(value) != -Int64(EINTR) { return .failure(Errno(rawValue: -Int64(value)) ?? .EIO) }
        }
    }

    /// Runs `call` (a CHostSys shim that returns 0 or -errno) until it does not fail with EINTR.
    static func retryingShim(_ call: () -> Int32) -> HostResult<Void> {
        let result: HostResult<Int32> = retryingShim(call)
        return result.map { _ in () }
    }
}

extension HostDescriptor {
    /// close(2). The descriptor is gone whatever close returns (Linux), so there is nothing to retry
    /// and nothing for the caller to do about an error.
    func close() { _ = Glibc.close(rawValue) }

    /// read(2) into `buffer`: the count read (0 at end of file).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// write(2) of `buffer`, unbuffered: the count written.
    func write(_ buffer: UnsafeRawBufferPointer) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.write(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// pread(2) into `buffer` from file offset `offset`: the count read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.pread(rawValue, buffer.baseAddress, buffer.count, off_t(offset)) }
    }

    /// pwrite(2) of `buffer` at file offset `offset`: the count written.
    func write(_ buffer: UnsafeRawBufferPointer, at offset: Int64) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.pwrite(rawValue, buffer.baseAddress, buffer.count, off_t(offset)) }
    }

    /// Writes all of `bytes` (at the file offset `position`, when given, else at the descriptor's
    /// offset) unless an error occurs: the count written, or the error if nothing was.
    func writeAll(_ bytes: [UInt8], at position: Int64? = nil) -> HostResult<Int> {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                switch position.map({ write(rest, at: $0 &+ Int64(offset)) }) ?? write(rest) {
                case .failure(let error): return offset > 0 ? .success(offset) : .failure(error)
                case .success(0): return .success(offset)
                case .success(let n): offset += n
                }
            }
            return .success(offset)
        }
    }
}
