/// Linux errno values the kernel returns to the guest, negated, in a0.
public enum Errno: Int64, Error, Sendable {
    case EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8, EBADF = 9, ECHILD = 10
    case EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19
    case ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25, ETXTBSY = 26
    case EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30, EMLINK = 31, EPIPE = 32, ERANGE = 34
    case ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENODATA = 61, EOVERFLOW = 75
    case ENOTSOCK = 88, EDESTADDRREQ = 89, EMSGSIZE = 90, EPROTOTYPE = 91, ENOPROTOOPT = 92, EPROTONOSUPPORT = 93
    case ESOCKTNOSUPPORT = 94, EOPNOTSUPP = 95, EAFNOSUPPORT = 97, ECONNRESET = 104, EISCONN = 106, ENOTCONN = 107
    case ETIMEDOUT = 110, EDQUOT = 122

    /// The value returned to the guest: `-errno`.
    public var negated: Int64 { -rawValue }

    /// `"-12 ENOMEM"` for a syscall result that is an error (-4095...-1), else nil.
    static func traceText(forResult value: Int64) -> String? {
        guard value < 0, value >= -4095 else { return nil }
        if let known = Errno(rawValue: -value) { return "\(value) \(known)" }
        return "\(value)"
    }
}

extension SyscallResult {
    /// A host call's count or value as the syscall's result, its errno as `-errno`.
    init<Value: BinaryInteger>(_ host: HostResult<Value>) {
        switch host {
        case .success(let value): self = .value(Int64(value))
        case .failure(let error): self = .error(error)
        }
    }

    /// `value` after a host call that succeeded, its errno as `-errno` otherwise.
    init(_ host: HostResult<Void>, value: Int64 = 0) {
        switch host {
        case .success: self = .value(value)
        case .failure(let error): self = .error(error)
        }
    }
}

extension Result where Failure == Errno {
    /// The host call's value, or its errno thrown as the syscall's `-errno` result.
    func orFail() throws(SyscallFailure) -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw SyscallFailure(error)
        }
    }
}
