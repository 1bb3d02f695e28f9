import Foundation
import Testing

/// `tablero merge --interactivo` in a real terminal (tmux): two copies changed the same fields
/// differently; in the resolver theirs is chosen for one conflict and a value typed for the
/// other; after apply the file on disk has those values and the terminal is restored.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct MergeInteractiveTests {
  struct Setup {
    let folder: String
    let mine: String
    let other: String
  }

  /// A demo portfolio in three copies: base (sent to the field), mine and other, with ACMI-04's
  /// progress and responsible changed differently in mine and other.
  static func setUp() throws -> Setup {
    #expect(Tmux.isAvailable, "tmux is required for the end-to-end tests")
    let folder = NSTemporaryDirectory() + "tablero-e2e-merge-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let base = folder + "/base.json"
    let created = try Tmux.run([Tmux.tableroBinary, "init", base, "--demo"])
    #expect(created.status == 0, "\(created.output)")
    let setup = Setup(folder: folder, mine: folder + "/mine.json", other: folder + "/other.json")
    try edit(base, into: setup.mine, progress: 55, responsible: "Ana")
    try edit(base, into: setup.other, progress: 60, responsible: "Luis")
    return setup
  }

  static func edit(_ source: String, into target: String, progress: Double, responsible: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: source))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var initiatives = try #require(json["initiatives"] as? [[String: Any]])
    let index = try #require(initiatives.firstIndex { ($0["id"] as? String) == "ACMI-04" })
    initiatives[index]["actualProgress"] = progress
    initiatives[index]["responsible"] = responsible
    json["initiatives"] = initiatives
    try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: target))
  }

  static func acmi04(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let initiatives = try #require(json["initiatives"] as? [[String: Any]])
    return try #require(initiatives.first { ($0["id"] as? String) == "ACMI-04" })
  }

  static func waitForFile(_ path: String) -> String? {
    let deadline = Date().addingTimeInterval(15)
    while !FileManager.default.fileExists(atPath: path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    Thread.sleep(forTimeInterval: 0.1)
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  @Test(arguments: [["TERM": "xterm-256color"], ["TERM": "vt100", "NO_COLOR": "1"]])
  func chooseTheirsEditAnotherApplyAndWrite(environment: [String: String]) throws {
    let setup = try Self.setUp()
    var env = environment
    env["LANG"] = "C.UTF-8"
    env["HOME"] = setup.folder
    let f = setup.folder
    let script =
      "cd \(f); stty -a > before.txt; \(Tmux.tableroBinary) merge other.json --base base.json --file mine.json --interactivo "
      + "2> err.txt; echo EXIT=$? > exit.txt; stty -a > after.txt; sleep 60"
    let tmux = try Tmux(command: "sh -c '\(script)'", environment: env)
    defer { tmux.kill() }

    var screen = try tmux.waitFor { $0.contains("Conflictos: 2") && $0.contains("ACMI-04 · avance real") }
    #expect(screen.contains("Fusión: other.json → mine.json"))
    #expect(screen.contains("ACMI-04 · responsable"))
    #expect(screen.contains("? pendiente"))

    // Select the progress conflict, take theirs.
    let lines = screen.split(separator: "\n")
    let progressFirst =
      (lines.firstIndex { $0.contains("ACMI-04 · avance real") } ?? 0) < (lines.firstIndex { $0.contains("ACMI-04 · responsable") } ?? 0)
    try tmux.send(progressFirst ? "Home" : "End")
    try tmux.send("t")
    screen = try tmux.waitFor { $0.contains("ACMI-04 · avance real: otro (60)") }
    #expect(screen.contains("resueltos: 1"))

    // Select the responsible conflict, edit it.
    try tmux.send(progressFirst ? "End" : "Home")
    try tmux.send("e")
    _ = try tmux.waitFor { $0.contains("Valor nuevo:") }
    try tmux.send("C-u")
    try tmux.type("Ana y Luis, niño")
    try tmux.send("Enter")
    screen = try tmux.waitFor { $0.contains("resueltos: 2") }
    #expect(screen.contains("Ana y Luis, niño"))
    try tmux.send("Enter")

    #expect(Self.waitForFile(f + "/exit.txt") == "EXIT=0\n")
    let acmi = try Self.acmi04(setup.mine)
    #expect((acmi["actualProgress"] as? NSNumber)?.doubleValue == 60)
    #expect(acmi["responsible"] as? String == "Ana y Luis, niño")
    // The report is printed on the restored terminal, after the resolver is gone.
    screen = try tmux.waitFor { $0.contains("Escrito: mine.json") }
    #expect(screen.contains("(elegido: otro)"))
    #expect(screen.contains("(valor editado)"))
    #expect(!screen.contains("Valor nuevo:"), "the resolver is still on screen")
    #expect(FileManager.default.fileExists(atPath: setup.mine + ".bak"))

    Thread.sleep(forTimeInterval: 0.2)
    let before = try String(contentsOfFile: f + "/before.txt", encoding: .utf8)
    let after = try String(contentsOfFile: f + "/after.txt", encoding: .utf8)
    #expect(before == after, "the terminal settings changed after the resolver")
  }

  @Test func cancelWritesNothingAndExits65() throws {
    let setup = try Self.setUp()
    let f = setup.folder
    let original = try Data(contentsOf: URL(fileURLWithPath: setup.mine))
    let script =
      "cd \(f); \(Tmux.tableroBinary) merge other.json --base base.json --file mine.json --interactive "
      + "2> err.txt; echo EXIT=$? > exit.txt; sleep 60"
    let tmux = try Tmux(command: "sh -c '\(script)'", environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": f])
    defer { tmux.kill() }
    _ = try tmux.waitFor { $0.contains("Conflictos: 2") }
    try tmux.send("t")
    _ = try tmux.waitFor { $0.contains("resueltos: 1") }
    try tmux.send("q")
    _ = try tmux.waitFor { $0.contains("¿Cancelar la fusión?") }
    try tmux.send("s")
    #expect(Self.waitForFile(f + "/exit.txt") == "EXIT=65\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: setup.mine)) == original)
    let err = (try? String(contentsOfFile: f + "/err.txt", encoding: .utf8)) ?? ""
    #expect(err.contains("Fusión cancelada: no se escribió nada"))
  }
}

extension MergeInteractiveTests {
  /// Without conflicts no terminal is needed: `--interactivo` behaves like the plain command
  /// (here with stdin on /dev/null, where a terminal could not even start).
  @Test func withoutConflictsItIsThePlainCommand() throws {
    let setup = try Self.setUp()
    try Self.edit(setup.folder + "/base.json", into: setup.other, progress: 60, responsible: "Ana")
    try Self.edit(setup.folder + "/base.json", into: setup.mine, progress: 40, responsible: "Ana")
    let result = try Tmux.run([
      Tmux.tableroBinary, "merge", setup.other, "--base", setup.folder + "/base.json", "--file", setup.mine, "--interactivo",
    ])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("Sin conflictos."))
    #expect((try Self.acmi04(setup.mine)["actualProgress"] as? NSNumber)?.doubleValue == 60)
  }

  @Test func interactiveAndTakeDoNotCombine() throws {
    let setup = try Self.setUp()
    let result = try Tmux.run([Tmux.tableroBinary, "merge", setup.other, "--file", setup.mine, "--interactivo", "--take", "mine"])
    #expect(result.status == 64, "\(result.output)")
    #expect(result.output.contains("--interactivo y --take no se combinan"))
  }
}
