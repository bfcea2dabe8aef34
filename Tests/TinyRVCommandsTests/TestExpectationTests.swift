import Testing
@testable import TinyRVCommands

@Suite struct TestExpectationTests {
    @Test func parsesEveryKey() throws {
        let text = "status=139\nstdout=a\\tb\\n\nstderr~=killed: store\nstderr~=pc 0x\nargs=x y\noptions=--stack-pages 12\n"
        let e = try TestExpectation(section: Array(text.utf8) + [0, 0x41])
        #expect(e.status == 139)
        #expect(e.stdout == "a\tb\n")
        #expect(e.stderrContains == ["killed: store", "pc 0x"])
        #expect(e.arguments == ["x", "y"])
        #expect(e.options == ["--stack-pages", "12"])
    }

    @Test func rejectsBadInput() {
        #expect(throws: TestExpectation.ParseError.missingStatus) { try TestExpectation(section: Array("stdout=x".utf8)) }
        #expect(throws: TestExpectation.ParseError.badStatus("256")) { try TestExpectation(section: Array("status=256".utf8)) }
        #expect(throws: TestExpectation.ParseError.unknownKey("colour")) { try TestExpectation(section: Array("status=0\ncolour=red".utf8)) }
        #expect(throws: TestExpectation.ParseError.malformedLine("status")) { try TestExpectation(section: Array("status".utf8)) }
    }

    @Test func reportsTheFirstMismatch() throws {
        let e = try TestExpectation(section: Array("status=0\nstdout=hi\\n\nstderr~=warn".utf8))
        #expect(e.mismatch(status: 0, stdout: "hi\n", stderr: "a warning") == nil)
        #expect(e.mismatch(status: 1, stdout: "hi\n", stderr: "warn") == "status 1, expected 0")
        #expect(e.mismatch(status: 0, stdout: "ho\n", stderr: "warn") == "stdout differs: expected \"hi\\n\", got \"ho\\n\"")
        #expect(e.mismatch(status: 0, stdout: "hi\n", stderr: "") == "stderr lacks \"warn\"")
    }

    @Test func programsWithoutASectionMustExitZero() {
        let e = TestExpectation()
        #expect(e.mismatch(status: 0, stdout: "anything", stderr: "") == nil)
        #expect(e.mismatch(status: 3, stdout: "", stderr: "") != nil)
    }
}
