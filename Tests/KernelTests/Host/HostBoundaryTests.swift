import Foundation
import Testing

/// The host boundary is one folder: only `Sources/Kernel/Host` may import the host's libc
/// (Glibc, Foundation) or the C shim (CHostSys); the rest of the kernel calls the `Host` wrappers.
@Suite struct HostBoundaryTests {
    static let kernelSources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Kernel")
    static let hostModules: Set<String> = ["Glibc", "CHostSys", "Foundation", "Darwin"]

    @Test func onlyTheHostFolderImportsTheHostsLibc() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.kernelSources.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        let crossings = try files.filter { !$0.hasPrefix("Host/") }.flatMap { file in
            try String(contentsOf: Self.kernelSources.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n")
                .filter { $0.hasPrefix("import ") && Self.hostModules.contains(String($0.dropFirst(7))) }
                .map { "\(file): \($0)" }
        }
        #expect(crossings == [])
    }
}
