import Testing
@testable import Kernel
#if canImport(Glibc)
import Glibc
#endif

@Suite struct RunOptionsTests {
    @Test func hostEnvironmentListsTinyrvsOwnVariables() {
        setenv("TINYRV_KERNEL_TEST", "a=b", 1)
        defer { unsetenv("TINYRV_KERNEL_TEST") }
        #expect(RunOptions.hostEnvironment.contains("TINYRV_KERNEL_TEST=a=b"))
    }
}
