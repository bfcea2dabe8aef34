/// What user code may do with a page or a memory region (the seed's `MEMPERM_*`).
public struct MemoryPermissions: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let read = MemoryPermissions(rawValue: 1)
    public static let write = MemoryPermissions(rawValue: 2)
    public static let execute = MemoryPermissions(rawValue: 4)

    /// `r-x`, `rw-` and so on.
    public var description: String {
        (contains(.read) ? "r" : "-") + (contains(.write) ? "w" : "-") + (contains(.execute) ? "x" : "-")
    }
}

/// The kind of user access that touched memory; a page fault's cause.
public enum MemoryAccess: Sendable, Equatable, CustomStringConvertible {
    case load, store, fetch

    /// The permission the access needs.
    public var requiredPermission: MemoryPermissions {
        switch self {
        case .load: return .read
        case .store: return .write
        case .fetch: return .execute
        }
    }

    public var description: String {
        switch self {
        case .load: return "load"
        case .store: return "store"
        case .fetch: return "fetch"
        }
    }
}
