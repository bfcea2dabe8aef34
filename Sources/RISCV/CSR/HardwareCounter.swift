/// mcycle or minstret: a counter derived from the hart's retired-instruction count, which
/// software may write and `mcountinhibit` may stop (privileged spec, "Hardware Performance
/// Monitor" and "Machine Counter-Inhibit Register").
///
/// The hart has no clock of its own, so cycles are counted as retired instructions. While it
/// counts, the value is `retired + offset`; while inhibited it holds `held`. `retired` is always
/// `Hart.instructionsRetired`, which guest writes never change (it is the count behind
/// `--max-instructions` and the statistics).
struct HardwareCounter {
    var offset: UInt64 = 0
    var held: UInt64 = 0
    var inhibited = false

    /// The counter's value once `retired` instructions have retired.
    func value(retired: UInt64) -> UInt64 {
        inhibited ? held : retired &+ offset
    }

    /// Makes the counter read `newValue` once `retired` instructions have retired. A CSR
    /// instruction passes the count after itself, so its write takes precedence over its own
    /// increment, as the ISA manual, Spike and Sail say.
    mutating func set(_ newValue: UInt64, retired: UInt64) {
        if inhibited { held = newValue } else { offset = newValue &- retired }
    }

    /// Stops (`on`) or restarts the counter at the count `retired`, keeping its value.
    mutating func inhibit(_ on: Bool, retired: UInt64) {
        guard on != inhibited else { return }
        if on { held = retired &+ offset } else { offset = held &- retired }
        inhibited = on
    }
}
