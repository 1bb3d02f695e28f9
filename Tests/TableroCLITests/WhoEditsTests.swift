import Foundation
import Testing

/// Issue 11 "Who": every edit carries the person, from `--usuario` (or `--user`), else
/// `TABLERO_USER`, else the login name, into the history and the minutes.
@Suite("quién edita: --usuario, TABLERO_USER")
struct WhoEditsTests {
  @Test func usuarioOptionBeatsTheEnvironmentAndReachesHistoryAndMinutes() throws {
    let sandbox = try Sandbox()
    sandbox.environment["USER"] = "cuenta-compartida"
    sandbox.environment["TABLERO_USER"] = "rosa"
    let file = try sandbox.demo()
    #expect(try sandbox.run("reunion", "iniciar", "--titulo", "Quién", "--file", file).status == 0)
    let set = try sandbox.run("set-progress", "ACMI-04", "55", "--usuario", "mlopez", "--file", file)
    #expect(set.status == 0, "\(set.stderr)")
    let english = try sandbox.run("set-progress", "ACMI-01", "10", "--user", "jperez", "--file", file)
    #expect(english.status == 0, "\(english.stderr)")
    #expect(try sandbox.run("set-progress", "ACMI-02", "5", "--file", file).status == 0)
    #expect(try sandbox.run("reunion", "terminar", "--file", file).status == 0)

    let history = try sandbox.run("history", "--file", file)
    #expect(history.status == 0, "\(history.stderr)")
    let lines = history.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains(" mlopez@") && $0.contains("ACMI-04 actualProgress 40 → 55") }, "\(history.stdout)")
    #expect(lines.contains { $0.contains(" jperez@") && $0.contains("ACMI-01 actualProgress") })
    #expect(lines.contains { $0.contains(" rosa@") && $0.contains("ACMI-02 actualProgress") }, "TABLERO_USER without --usuario")
    #expect(!history.stdout.contains("cuenta-compartida"))

    let minutes = try sandbox.run("acta", "--file", file)
    #expect(minutes.status == 0, "\(minutes.stderr)")
    let entry = minutes.stdout.split(separator: "\n").first { $0.contains("ACMI-04 · avance real: 40 → 55") }
    #expect(entry?.contains("— mlopez@") == true, "\(minutes.stdout)")
  }

  @Test func loginNameWhenNothingElseIsGiven() throws {
    let sandbox = try Sandbox()
    sandbox.environment["USER"] = "ana"
    let file = try sandbox.demo()
    #expect(try sandbox.run("set-progress", "ACMI-04", "55", "--file", file).status == 0)
    let history = try sandbox.run("history", "--file", file)
    #expect(history.stdout.contains(" ana@"), "\(history.stdout)")
  }

  @Test func anEmptyNameIsRefused() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.demo()
    let result = try sandbox.run("set-progress", "ACMI-04", "55", "--usuario", " @ ", "--file", file)
    #expect(result.status == 64, "\(result.stderr)")
  }
}
