import Testing
@testable import RISCV

/// mcycle/minstret as offsets over the retired count: writes, and inhibiting that keeps the value.
@Suite struct HardwareCounterTests {
    @Test func countsWithTheRetiredCountAfterAWrite() {
        var c = HardwareCounter()
        #expect(c.value(retired: 7) == 7)
        c.set(100, retired: 7)
        #expect(c.value(retired: 7) == 100)
        #expect(c.value(retired: 10) == 103)
        c.set(0, retired: 10)
        #expect(c.value(retired: 9) == UInt64.max, "wraps like the hardware counter")
    }

    @Test func inhibitingHoldsTheValueAndRestartingResumesFromIt() {
        var c = HardwareCounter()
        c.inhibit(true, retired: 5)
        #expect(c.value(retired: 50) == 5)
        c.set(9, retired: 50)
        #expect(c.value(retired: 60) == 9, "a write while inhibited is held")
        c.inhibit(true, retired: 70)
        #expect(c.value(retired: 70) == 9, "inhibiting twice changes nothing")
        c.inhibit(false, retired: 70)
        #expect(c.value(retired: 75) == 14)
    }
}
