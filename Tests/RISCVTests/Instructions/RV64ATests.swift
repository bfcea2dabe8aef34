import Testing
@testable import RISCV

@Suite struct RV64ATests {
    static let data = TestMachine.ramBase + 0x2000
    enum F5 { static let lr: UInt32 = 2, sc: UInt32 = 3, swap: UInt32 = 1, add: UInt32 = 0, xor: UInt32 = 4
              static let and: UInt32 = 12, or: UInt32 = 8, min: UInt32 = 16, max: UInt32 = 20
              static let minu: UInt32 = 24, maxu: UInt32 = 28 }

    /// Runs `code` with x1 = data address, x2 = operand, memory[data] = initial.
    func machine(initial: UInt64, operand: UInt64, _ code: [UInt32]) throws -> TestMachine {
        let m = try TestMachine()
        m.memory.store(initial, at: Self.data)
        m.hart.setRegister(1, Self.data)
        m.hart.setRegister(2, operand)
        #expect(m.run(code) == .budgetExhausted)
        return m
    }

    @Test func loadReservedStoreConditionalSucceeds() throws {
        let m = try machine(initial: 5, operand: 9, [Encode.amo(F5.lr, 3, 5, 1, 0), Encode.amo(F5.sc, 3, 6, 1, 2)])
        #expect(m.x(5) == 5)
        #expect(m.x(6) == 0)
        #expect(m.memory.load(UInt64.self, at: Self.data) == 9)
    }

    @Test func storeConditionalWithoutReservationFails() throws {
        let m = try machine(initial: 5, operand: 9, [Encode.amo(F5.sc, 3, 6, 1, 2)])
        #expect(m.x(6) == 1)
        #expect(m.memory.load(UInt64.self, at: Self.data) == 5)
    }

    @Test func secondStoreConditionalFails() throws {
        let m = try machine(initial: 5, operand: 9, [
            Encode.amo(F5.lr, 2, 5, 1, 0), Encode.amo(F5.sc, 2, 6, 1, 2), Encode.amo(F5.sc, 2, 7, 1, 0),
        ])
        #expect(m.x(5) == 5)
        #expect(m.x(6) == 0)
        #expect(m.x(7) == 1, "an SC consumes the reservation")
        #expect(m.memory.load(UInt64.self, at: Self.data) == 9)
    }

    @Test func storeConditionalToAnotherAddressFails() throws {
        let m = try machine(initial: 5, operand: 9, [
            Encode.addi(3, 1, 8), Encode.amo(F5.lr, 3, 5, 1, 0), Encode.amo(F5.sc, 3, 6, 3, 2),
        ])
        #expect(m.x(6) == 1)
        #expect(m.memory.load(UInt64.self, at: Self.data + 8) == 0)
    }

    @Test func doublewordAMOs() throws {
        let cases: [(UInt32, UInt64, UInt64, UInt64)] = [
            (F5.swap, 1, 2, 2), (F5.add, 1, UInt64.max, 0), (F5.xor, 0b1100, 0b1010, 0b0110),
            (F5.and, 0b1100, 0b1010, 0b1000), (F5.or, 0b1100, 0b1010, 0b1110),
            (F5.min, UInt64.max, 1, UInt64.max), (F5.max, UInt64.max, 1, 1),
            (F5.minu, UInt64.max, 1, 1), (F5.maxu, UInt64.max, 1, UInt64.max),
        ]
        for (funct5, initial, operand, stored) in cases {
            let m = try machine(initial: initial, operand: operand, [Encode.amo(funct5, 3, 5, 1, 2)])
            #expect(m.x(5) == initial, "funct5 \(funct5) returns the old value")
            #expect(m.memory.load(UInt64.self, at: Self.data) == stored, "funct5 \(funct5)")
        }
    }

    @Test func wordAMOsSignExtendAndKeepTheUpperWord() throws {
        let cases: [(UInt32, UInt32, UInt64, UInt32)] = [
            (F5.swap, 0xffff_fff0, 7, 7), (F5.add, 0xffff_ffff, 1, 0), (F5.xor, 0xf0, 0xff, 0x0f),
            (F5.and, 0xf0, 0x3c, 0x30), (F5.or, 0xf0, 0x0f, 0xff),
            (F5.min, 0xffff_fff0, 5, 0xffff_fff0), (F5.max, 0xffff_fff0, 5, 5),
            (F5.minu, 0xffff_fff0, 5, 5), (F5.maxu, 0xffff_fff0, 5, 0xffff_fff0),
            (F5.min, 0x10, 0xffff_ffff_0000_0005, 5),
        ]
        for (funct5, initial, operand, stored) in cases {
            let m = try machine(initial: 0xaaaa_aaaa_0000_0000 | UInt64(initial), operand: operand,
                                [Encode.amo(funct5, 2, 5, 1, 2)])
            #expect(m.x(5) == signExtend32(initial), "funct5 \(funct5)")
            #expect(m.memory.load(UInt32.self, at: Self.data) == stored, "funct5 \(funct5)")
            #expect(m.memory.load(UInt32.self, at: Self.data + 4) == 0xaaaa_aaaa)
        }
    }

    @Test func misalignedAtomicsTrap() throws {
        for (word, code) in [(Encode.amo(F5.add, 3, 5, 1, 2), ExceptionCode.storeAddressMisaligned),
                             (Encode.amo(F5.sc, 2, 5, 1, 2), .storeAddressMisaligned),
                             (Encode.amo(F5.lr, 3, 5, 1, 0), .loadAddressMisaligned)] {
            let m = try TestMachine()
            m.hart.setRegister(1, Self.data + 4 + 2)
            m.hart.setRegister(5, 77)
            #expect(m.run([word]) == .trap(Trap(code, value: Self.data + 6, pc: TestMachine.ramBase)))
            #expect(m.x(5) == 77)
        }
    }

    @Test func atomicOutsideRAMIsAnAccessFault() throws {
        let m = try TestMachine()
        m.hart.setRegister(1, 0x1000)
        #expect(m.run([Encode.amo(F5.swap, 3, 5, 1, 2)])
                == .trap(Trap(.storeAccessFault, value: 0x1000, pc: TestMachine.ramBase)))
    }

    @Test func lrOnNonReservableEncodingIsIllegal() throws {
        let word = Encode.amo(F5.lr, 3, 5, 1, 2)
        let m = try TestMachine()
        #expect(m.run([word]) == .trap(Trap(.illegalInstruction, value: UInt64(word), pc: TestMachine.ramBase)))
    }
}

@Suite struct ReservationTests {
    static let data = TestMachine.ramBase + 0x2000

    /// x1 = data; lr.w; a store of `width` at `offset`; sc.w. Returns the sc result (0 = success).
    func scResult(afterStoreAt offset: Int64, _ store: (Int, Int, Int64) -> UInt32) throws -> UInt64 {
        let m = try TestMachine()
        m.hart.setRegister(1, Self.data)
        m.hart.setRegister(2, 7)
        m.run([Encode.sw(2, 1, 0), Encode.amo(2, 2, 5, 1, 0), store(2, 1, offset), Encode.amo(3, 2, 6, 1, 2)])
        return m.x(6)
    }

    @Test func storeToTheReservedDoublewordMakesSCFail() throws {
        #expect(try scResult(afterStoreAt: 0, Encode.sw) == 1)
        #expect(try scResult(afterStoreAt: 7, Encode.sb) == 1)
        #expect(try scResult(afterStoreAt: 6, Encode.sw) == 1, "a misaligned store that reaches the doubleword")
    }

    @Test func storeElsewhereKeepsTheReservation() throws {
        #expect(try scResult(afterStoreAt: 8, Encode.sd) == 0)
        #expect(try scResult(afterStoreAt: 0x100, Encode.sd) == 0)
    }

    @Test func amoToTheReservedDoublewordMakesSCFail() throws {
        let m = try TestMachine()
        m.hart.setRegister(1, Self.data)
        m.run([Encode.amo(2, 3, 5, 1, 0), Encode.amo(0, 3, 7, 1, 2), Encode.amo(3, 3, 6, 1, 2)])
        #expect(m.x(6) == 1)
    }
}
