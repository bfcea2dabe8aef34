/// A deterministic xorshift64 generator for randomized tests, so that a failure reproduces from its
/// seed. Precondition: the seed is not zero.
struct XorshiftGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
