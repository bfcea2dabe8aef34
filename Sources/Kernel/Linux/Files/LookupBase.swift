/// Where a relative guest path starts (the dirfd of a *at call): the working directory, named by
/// its guest path, or a directory descriptor, which is resolved by the descriptor itself.
///
/// A path under a descriptor is resolved by the host kernel from that descriptor with
/// `FileSystemSandbox.beneathFlags`, so a directory that was renamed or removed is still the one
/// the guest opened (in a removed one nothing can be created: `-ENOENT`, as on Linux). A path that
/// leaves the directory (`..` above it, an absolute symlink) is resolved again from the root by the
/// directory's guest path, when that path still names the same directory; else `-ENOENT`.
struct LookupBase: Equatable, ExpressibleByStringLiteral {
    /// The directory's canonical guest path ("/" is the root); for a descriptor, the path
    /// /proc/self/fd gave when the call began.
    let guestPath: String
    /// The directory's host descriptor (owned by the guest's FileTable), nil for the working directory.
    let descriptor: HostDescriptor?

    init(guestPath: String, descriptor: HostDescriptor? = nil) {
        self.guestPath = guestPath
        self.descriptor = descriptor
    }

    /// The directory with guest path `value` (the working directory, or "/").
    init(stringLiteral value: String) { self.init(guestPath: value) }
}
