/// Linux errno values the kernel returns to the guest, negated, in a0.
public enum Errno: Int64, Sendable {
    case EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, EBADF = 9
    case EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENODEV = 19, ENOTDIR = 20, EISDIR = 21
    case EINVAL = 22, EMFILE = 24, ENOTTY = 25, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30
    case EPIPE = 32, ERANGE = 34, ENAMETOOLONG = 36, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40

    /// The value returned to the guest: `-errno`.
    public var negated: Int64 { -rawValue }

    /// `"-12 ENOMEM"` for a syscall result that is an error (-4095...-1), else nil.
    static func traceText(forResult value: Int64) -> String? {
        guard value < 0, value >= -4095 else { return nil }
        if let known = Errno(rawValue: -value) { return "\(value) \(known)" }
        return "\(value)"
    }
}
