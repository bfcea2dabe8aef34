import Glibc

/// The host calls the kernel makes on the guest's behalf, with errors as `-errno` like the guest ABI
/// and calls that a host signal interrupted (EINTR) made again.
enum HostIO {
    /// write(2) on the host, unbuffered: returns the count written or `-errno`.
    static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        retryingInterrupts { Glibc.write(fd, bytes, count) }
    }

    /// read(2) on the host: returns the count read or `-errno`.
    static func read(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
        retryingInterrupts { Glibc.read(fd, bytes, count) }
    }

    /// poll(2) of `records` without waiting: returns how many are ready, or `-errno`.
    static func pollNow(_ records: inout [pollfd]) -> Int {
        retryingInterrupts { Int(poll(&records, nfds_t(records.count), 0)) }
    }

    /// Runs `call` until it does not fail with EINTR; returns its result, or `-errno` for a failure.
    private static func retryingInterrupts(_ call: () -> Int) -> Int {
        while true {
            let n = call()
            if n >= 0 { return n }
            if errno != EINTR { return -Int(errno) }
        }
    }

    /// Writes all of `bytes` unless an error occurs; returns the count written, or
    /// `-errno` if nothing was.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { return offset > 0 ? offset : n }
                if n == 0 { break }
                offset += n
            }
            return offset
        }
    }
}
