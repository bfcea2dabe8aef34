import Glibc

extension Host {
    /// tinyrv's own environment (environ) as `"K=V"` entries, in order (what `env` prints).
    static var environment: [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            entries.append(String(cString: entry))
            cursor += 1
        }
        return entries
    }
}
