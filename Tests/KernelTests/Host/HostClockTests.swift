import Testing
@testable import Kernel

@Suite struct HostClockTests {
    @Test func aGuestClockIDBeyondClockidTIsNoClock() {
        #expect(HostClock(guestID: UInt64(Int32.max) + 1) == nil)
        #expect(HostClock(guestID: 1) == .monotonic)
    }

    @Test func aClockTheHostDoesNotHaveIsEINVAL() throws {
        let unknown = try #require(HostClock(guestID: 1000))
        #expect(unknown.now() == .failure(.EINVAL))
        #expect(unknown.sleep(seconds: 0, nanoseconds: 1).isEINVAL)
    }

    @Test func aRelativeSleepLastsItsTime() {
        let start = Host.monotonicNow()
        #expect(HostClock.monotonic.sleep(seconds: 0, nanoseconds: 2_000_000).isSuccess)
        #expect(Host.monotonicNow() - start >= 2_000_000)
    }

    @Test func anAbsoluteSleepUntilAPassedTimeReturnsAtOnce() {
        #expect(HostClock.monotonic.sleep(untilSeconds: 0, nanoseconds: 0).isSuccess)
    }

    @Test func theRealtimeClockIsPastTheEpoch() {
        #expect(Host.realtimeNow() > 1_600_000_000 * 1_000_000_000)
    }
}

private extension Result where Success == Void, Failure == Errno {
    var isSuccess: Bool { if case .success = self { true } else { false } }
    var isEINVAL: Bool { if case .failure(.EINVAL) = self { true } else { false } }
}
