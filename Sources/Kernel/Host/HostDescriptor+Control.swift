import CHostSys
import Glibc

/// Where lseek(2) counts an offset from (SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE):
/// Linux's numbers, which the guest shares.
struct HostSeekOrigin: RawRepresentable, Hashable, Sendable {
    let rawValue: Int32
    init(rawValue: Int32) { self.rawValue = rawValue }

    static let start = HostSeekOrigin(rawValue: SEEK_SET)
    static let current = HostSeekOrigin(rawValue: SEEK_CUR)
}

extension HostDescriptor {
    /// fcntl(F_DUPFD_CLOEXEC): a second descriptor (the lowest free one, close-on-exec) for the same
    /// open file description, sharing its offset and status flags.
    func duplicate() -> HostResult<HostDescriptor> {
        Host.retryingInterrupts { Glibc.fcntl(rawValue, F_DUPFD_CLOEXEC, 0) }.map(HostDescriptor.init(rawValue:))
    }

    /// fcntl(F_GETPIPE_SZ, 1032): the capacity of the pipe in bytes. EBADF for anything else.
    func pipeCapacity() -> HostResult<Int32> {
        Host.retryingInterrupts { Glibc.fcntl(rawValue, 1032) }
    }

    /// fcntl(F_SETPIPE_SZ, 1031): makes the pipe hold at least `bytes` (rounded up to a power of two
    /// of pages); the new capacity. EBUSY when its data would not fit, EPERM past the host's
    /// /proc/sys/fs/pipe-max-size, EBADF for anything else.
    func setPipeCapacity(_ bytes: Int32) -> HostResult<Int32> {
        Host.retryingInterrupts { Glibc.fcntl(rawValue, 1031, bytes) }
    }

    /// fcntl(F_GETFL): the open file's access mode and status flags.
    func statusFlags() -> HostResult<HostOpenFlags> {
        Host.retryingInterrupts { Glibc.fcntl(rawValue, F_GETFL) }.map(HostOpenFlags.init(rawValue:))
    }

    /// fcntl(F_SETFL): sets the status flags the host lets change (O_APPEND, O_NONBLOCK, O_ASYNC,
    /// O_DIRECT, O_NOATIME); the others in `flags` are ignored.
    func setStatusFlags(_ flags: HostOpenFlags) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.fcntl(rawValue, F_SETFL, flags.rawValue) }
    }

    /// lseek(2): moves the file offset to `offset` from `origin`; the new offset. ESPIPE for a pipe,
    /// EINVAL for an unknown origin or a negative result.
    func seek(to offset: Int64, from origin: HostSeekOrigin) -> HostResult<Int64> {
        Host.retryingInterrupts { Glibc.lseek(rawValue, off_t(offset), origin.rawValue) }.map(Int64.init)
    }

    /// ftruncate(2): sets the size of the file, open for writing, to `length` bytes.
    func setSize(_ length: Int64) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.ftruncate(rawValue, off_t(length)) }
    }

    /// fsync(2): the file's data and metadata reach the disk. EINVAL for a file that cannot be synced.
    func synchronize() -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.fsync(rawValue) }
    }

    /// fdatasync(2): the file's data reach the disk. EINVAL for a file that cannot be synced.
    func synchronizeData() -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.fdatasync(rawValue) }
    }

    /// ioctl(2) `request` with `buffer` as its argument (the host fills it). ENOTTY when the file
    /// does not know the request.
    func control(_ request: UInt, buffer: UnsafeMutableRawBufferPointer) -> HostResult<Void> {
        Host.retryingInterrupts { Glibc.ioctl(rawValue, request, buffer.baseAddress!) }
    }

    /// getdents64(2) of this directory into `buffer`: the bytes of linux_dirent64 records filled
    /// (the same layout on every Linux), 0 at the end. ENOTDIR for a file, EINVAL for a buffer too
    /// small for one record.
    func readDirectoryEntries(into buffer: UnsafeMutableRawBufferPointer) -> HostResult<Int> {
        Host.retryingShim { tinyrv_getdents64(rawValue, buffer.baseAddress, UInt(buffer.count)) }
    }

    /// sendfile(2) of up to `count` bytes from `input`'s file offset to this descriptor: the count
    /// sent. EPIPE when this is a pipe with no reader.
    func sendFile(from input: HostDescriptor, count: Int) -> HostResult<Int> {
        Host.retryingInterrupts { Glibc.sendfile(rawValue, input.rawValue, nil, count) }
    }

    /// sendfile(2) of up to `count` bytes of `input` from file offset `offset` (leaving `input`'s
    /// own offset alone) to this descriptor: the count sent and the offset after them.
    func sendFile(from input: HostDescriptor, at offset: Int64, count: Int) -> HostResult<(count: Int, nextOffset: Int64)> {
        var position = off_t(offset)
        return Host.retryingInterrupts { Glibc.sendfile(rawValue, input.rawValue, &position, count) }
            .map { ($0, Int64(position)) }
    }
}

extension Host {
    /// pipe2(2): a host pipe whose ends have `flags` (O_NONBLOCK; O_CLOEXEC is added).
    static func makePipe(flags: HostOpenFlags) -> HostResult<(reader: HostDescriptor, writer: HostDescriptor)> {
        var ends: [Int32] = [-1, -1]
        return retryingShim { tinyrv_pipe2(&ends, flags.union(.closeOnExec).rawValue) }
            .map { _ in (HostDescriptor(rawValue: ends[0]), HostDescriptor(rawValue: ends[1])) }
    }
}
