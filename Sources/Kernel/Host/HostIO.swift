import Glibc

/// The host calls the kernel makes on the guest's behalf, with errors as `-errno` like the guest ABI.
enum HostIO {
    /// write(2) on the host, unbuffered: returns the count written or `-errno`.
    static func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        let n = Glibc.write(fd, bytes, count)
        return n < 0 ? -Int(errno) : n
    }

    /// read(2) on the host: returns the count read or `-errno`.
    static func read(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
        let n = Glibc.read(fd, bytes, count)
        return n < 0 ? -Int(errno) : n
    }

    /// Writes all of `bytes` unless an error other than EINTR occurs; returns the count written, or
    /// `-errno` if nothing was.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n == -Int(EINTR) { continue }
                if n < 0 { return offset > 0 ? offset : n }
                if n == 0 { break }
                offset += n
            }
            return offset
        }
    }
}
