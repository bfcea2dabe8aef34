/// The integer registers the kernel reads and writes, by their ABI names (x1 ... x17).
enum Register {
    static let ra = 1, sp = 2, gp = 3, tp = 4
    static let a0 = 10, a1 = 11, a2 = 12, a3 = 13, a4 = 14, a5 = 15, a6 = 16, a7 = 17
}
