import Testing
@testable import Kernel
#if canImport(Glibc)
import Glibc
#endif

@Suite struct HostIdentityTests {
    @Test func theIDsAreTinyrvsOwn() {
        #expect(Host.userID == getuid() && Host.effectiveUserID == geteuid())
        #expect(Host.groupID == getgid() && Host.effectiveGroupID == getegid())
        #expect(Host.processID == getpid())
    }

    @Test func theSupplementaryGroupsAreWhatGetgroupsLists() throws {
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)))
        let count = getgroups(Int32(groups.count), &groups)
        #expect(try Host.supplementaryGroupIDs().get() == groups.prefix(Int(count)).map { UInt32($0) })
    }

    @Test func theSystemNamesAreWhatUnameReports() {
        var names = utsname()
        _ = uname(&names)
        let release = withUnsafeBytes(of: names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #expect(Host.systemNames().release == release)
        #expect(!Host.systemNames().nodeName.isEmpty)
    }

    @Test func aResourceLimitIsGetrlimitsAndAnUnknownOneIsEINVAL() throws {
        var limit = rlimit()
        _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let nofile = try Host.resourceLimit(Int32(RLIMIT_NOFILE.rawValue)).get()
        #expect(nofile == HostResourceLimit(current: UInt64(limit.rlim_cur), maximum: UInt64(limit.rlim_max)))
        #expect(Host.resourceLimit(1000) == .failure(.EINVAL))
    }
}
