import Testing
import GDBStub
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SocketsTests {
    @Test func addressesAreAPortOrAUnixPath() {
        #expect(SocketListener.Address("1234") == .tcp(port: 1234))
        #expect(SocketListener.Address("0") == .tcp(port: 0))
        #expect(SocketListener.Address("unix:/tmp/x.sock") == .unix(path: "/tmp/x.sock"))
        for bad in ["", "65536", "-1", "12ab", "unix:", "unix:" + String(repeating: "p", count: 108), "tcp:1"] {
            #expect(SocketListener.Address(bad) == nil, "\(bad)")
        }
    }

    @Test func portZeroPicksAFreePortAndAUnixSocketLeavesNoPath() throws {
        let tcp = try SocketListener(.tcp(port: 0))
        #expect(tcp.shownAddress.hasPrefix("127.0.0.1:") && !tcp.shownAddress.hasSuffix(":0"))
        // The port is taken while listening.
        let port = try #require(UInt16(tcp.shownAddress.split(separator: ":")[1]))
        #expect(throws: SocketListener.Failure.self) { try SocketListener(.tcp(port: port)) }
        tcp.close()

        let path = "/tmp/tinyrv-sockets-test-\(getpid()).sock"
        let unix = try SocketListener(.unix(path: path))
        #expect(unix.shownAddress == path && access(path, F_OK) == 0)
        #expect(throws: SocketListener.Failure.self) { try SocketListener(.unix(path: path)) }
        unix.close()
        #expect(access(path, F_OK) != 0)
    }
}
