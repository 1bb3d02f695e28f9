import Foundation
import Testing

@Suite("merge and merge-driver")
struct MergeCommandTests {
  /// base.json (demo), mine.json and other.json copies of it, TABLERO_FILE = mine.json.
  func threeCopies() throws -> Sandbox {
    let sandbox = try Sandbox(file: "mine.json")
    try sandbox.demo("base.json")
    try sandbox.write("mine.json", String(decoding: try sandbox.bytes("base.json"), as: UTF8.self))
    try sandbox.write("other.json", String(decoding: try sandbox.bytes("base.json"), as: UTF8.self))
    return sandbox
  }

  func progress(_ sandbox: Sandbox, _ file: String, _ id: String) throws -> Double? {
    try sandbox.json(file).initiative(id)?["actualProgress"] as? Double
  }

  @Test func threeWayMergeTakesTheOtherSidesChanges() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "55", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "PGS-01", "33").status == 0)
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Tomado de \(s.path("other.json")): 1"), "\(result.stdout)")
    #expect(result.stdout.contains("initiatives[ACMI-04].actualProgress: 40 → 55"))
    #expect(result.stdout.contains("Sin conflictos."))
    #expect(try progress(s, "mine.json", "ACMI-04") == 55)
    #expect(try progress(s, "mine.json", "PGS-01") == 33)
    #expect(try s.run("validate", s.path("mine.json")).status == 0)
  }

  @Test func conflictsWithoutTakeWriteNothingAndExit65() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "60", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "ACMI-04", "55").status == 0)
    let before = try s.bytes("mine.json")
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"))
    #expect(result.status == 65)
    #expect(result.stdout.contains("1. initiatives[ACMI-04].actualProgress (cambiado en ambos lados)"), "\(result.stdout)")
    #expect(result.stdout.contains("base: 40"))
    #expect(result.stderr.contains("--take mine") && result.stderr.contains("No se escribió nada"), "\(result.stderr)")
    #expect(try s.bytes("mine.json") == before)

    let english = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--lang", "en")
    #expect(english.status == 65)
    #expect(english.stdout.contains("Conflicts: 1") && english.stderr.contains("Nothing was written"))

    let theirs = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--take", "theirs")
    #expect(theirs.status == 0, "\(theirs.stderr)")
    #expect(theirs.stdout.contains("(elegido: otro)"))
    #expect(try progress(s, "mine.json", "ACMI-04") == 60)
  }

  @Test func takeMineKeepsMineButTakesTheRest() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "60", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "PGS-01", "12", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "ACMI-04", "55").status == 0)
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--take", "mine")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try progress(s, "mine.json", "ACMI-04") == 55)
    #expect(try progress(s, "mine.json", "PGS-01") == 12)
  }

  @Test func dryRunAndOutputLeaveTheFileInUseAlone() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "55", "--file", s.path("other.json")).status == 0)
    let before = try s.bytes("mine.json")
    let dry = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--dry-run")
    #expect(dry.status == 0 && dry.stdout.contains("no se escribió nada"), "\(dry.stdout)")
    #expect(try s.bytes("mine.json") == before)

    let out = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--output", s.path("merged.json"))
    #expect(out.status == 0, "\(out.stderr)")
    #expect(try s.bytes("mine.json") == before)
    #expect(try progress(s, "merged.json", "ACMI-04") == 55)
  }

  @Test func withoutBaseDifferencesAreConflictsAndAdditionsAreTaken() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "55", "--file", s.path("other.json")).status == 0)
    let result = try s.run("merge", s.path("other.json"))
    #expect(result.status == 65)
    #expect(result.stdout.contains("sin base no se detectan eliminaciones"))
    #expect(result.stdout.contains("initiatives[ACMI-04].actualProgress (distinto en cada copia (sin base))"), "\(result.stdout)")
    #expect(try s.run("merge", s.path("other.json"), "--take", "theirs").status == 0)
    #expect(try progress(s, "mine.json", "ACMI-04") == 55)
  }

  @Test func badOtherFileIsAnErrorNamingIt() throws {
    let s = try threeCopies()
    try s.write("other.json", "{\"formatVersion\": 1,")
    let before = try s.bytes("mine.json")
    let result = try s.run("merge", s.path("other.json"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("other.json"), "\(result.stderr)")
    #expect(try s.bytes("mine.json") == before)
    #expect(try s.run("merge", s.path("missing.json")).status == 74)
  }

  @Test func invalidMergeResultIsRefused() throws {
    let s = try threeCopies()
    // The same new id: an initiative in one copy, a component in the other.
    var mine = try s.json("mine.json")
    var other = try s.json("other.json")
    var initiatives = try #require(mine["initiatives"] as? [[String: Any]])
    var added = try #require(initiatives.first)
    added["id"] = "NUEVO-1"
    initiatives.append(added)
    mine["initiatives"] = initiatives
    var components = try #require(other["components"] as? [[String: Any]])
    var component = try #require(components.first)
    component["id"] = "NUEVO-1"
    components.append(component)
    other["components"] = components
    try JSONSerialization.data(withJSONObject: mine).write(to: URL(fileURLWithPath: s.path("mine.json")))
    try JSONSerialization.data(withJSONObject: other).write(to: URL(fileURLWithPath: s.path("other.json")))
    let before = try s.bytes("mine.json")
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("no es válido") && result.stderr.contains("NUEVO-1"), "\(result.stderr)")
    #expect(try s.bytes("mine.json") == before)
  }

  @Test func historiesAreMergedWithoutDuplicates() throws {
    let s = try threeCopies()
    func line(_ at: String, _ id: String) -> String {
      #"{"at":"\#(at)","user":"ana@campo","id":"\#(id)","field":"actualProgress","old":"0","new":"1"}"#
    }
    let shared = line("2013-06-01T10:00:00Z", "A")
    try s.write("other.json.historial.jsonl", [shared, line("2013-06-03T10:00:00Z", "C")].joined(separator: "\n") + "\n")
    try s.write("mine.json.historial.jsonl", [shared, line("2013-06-02T10:00:00Z", "B")].joined(separator: "\n") + "\n")
    #expect(try s.run("set-progress", "ACMI-04", "55", "--file", s.path("other.json")).status == 0)
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"))
    #expect(result.status == 0, "\(result.stderr)")
    let history = String(decoding: try s.bytes("mine.json.historial.jsonl"), as: UTF8.self)
    let lines = history.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0 == shared }.count == 1)
    #expect(lines.prefix(3) == [shared, line("2013-06-02T10:00:00Z", "B"), line("2013-06-03T10:00:00Z", "C")])
    #expect(lines.contains { $0.contains("\"id\":\"ACMI-04\"") }, "theirs' own progress line came along")
    #expect(result.stdout.contains("Historial:"), "\(result.stdout)")
  }

  // MARK: git merge driver

  @Test func mergeDriverWritesTheCleanMergeToOurs() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "55", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "PGS-01", "33").status == 0)
    let result = try s.run("merge-driver", s.path("base.json"), s.path("mine.json"), s.path("other.json"), "portafolio.json")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("fusión limpia"))
    #expect(try progress(s, "mine.json", "ACMI-04") == 55)
    #expect(try progress(s, "mine.json", "PGS-01") == 33)
  }

  @Test func mergeDriverLeavesAValidMineResolvedFileOnConflicts() throws {
    let s = try threeCopies()
    #expect(try s.run("set-progress", "ACMI-04", "60", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "PGS-01", "12", "--file", s.path("other.json")).status == 0)
    #expect(try s.run("set-progress", "ACMI-04", "55").status == 0)
    let result = try s.run("merge-driver", s.path("base.json"), s.path("mine.json"), s.path("other.json"))
    #expect(result.status == 1)
    #expect(result.stderr.contains("initiatives[ACMI-04].actualProgress"), "\(result.stderr)")
    #expect(try s.run("validate", s.path("mine.json")).status == 0)
    #expect(try progress(s, "mine.json", "ACMI-04") == 55)
    #expect(try progress(s, "mine.json", "PGS-01") == 12)

    // An empty base (file added on both branches): a two-way merge.
    try s.write("empty.json", "")
    let twoWay = try s.run("merge-driver", s.path("empty.json"), s.path("mine.json"), s.path("other.json"))
    #expect(twoWay.status == 1)
    #expect(twoWay.stderr.contains("sin base"), "\(twoWay.stderr)")
  }

  @Test(.enabled(if: Git.isAvailable, "needs git (apt-get install git)"))
  func realGitMergeUsesTheDriver() throws {
    let s = try Sandbox()
    let repo = s.root.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    func git(_ args: String...) throws -> TableroProcess.Result { try Git.run(args, in: repo, home: s.path("home")) }
    func tablero(_ args: String...) throws {
      let r = try TableroProcess.run(args + ["--file", repo.appendingPathComponent("portafolio.json").path], environment: s.environment, directory: repo)
      #expect(r.status == 0, "\(args): \(r.stderr)")
    }
    func progress(_ id: String) throws -> Double? {
      let data = try Data(contentsOf: repo.appendingPathComponent("portafolio.json"))
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return object.initiative(id)?["actualProgress"] as? Double
    }
    #expect(try git("init", "-q", "-b", "main").status == 0)
    #expect(try TableroProcess.run(["init", repo.appendingPathComponent("portafolio.json").path, "--demo"], environment: s.environment).status == 0)
    try "portafolio.json merge=tablero\n".write(to: repo.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
    // Only the portfolio and the attributes are tracked (backups, history, locks stay out).
    try "/*\n!/portafolio.json\n!/.gitattributes\n!/.gitignore\n".write(to: repo.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
    let driver = "\(TableroProcess.executable.path) merge-driver %O %A %B %P"
    #expect(try git("config", "merge.tablero.name", "Tablero").status == 0)
    #expect(try git("config", "merge.tablero.driver", driver).status == 0)
    #expect(try git("add", ".").status == 0)
    #expect(try git("commit", "-q", "-m", "portafolio").status == 0)

    // Disjoint: each branch changes a different initiative.
    #expect(try git("checkout", "-q", "-b", "campo").status == 0)
    try tablero("set-progress", "ACMI-04", "55")
    #expect(try git("commit", "-q", "-am", "campo: ACMI-04").status == 0)
    #expect(try git("checkout", "-q", "main").status == 0)
    try tablero("set-progress", "PGS-01", "33")
    #expect(try git("commit", "-q", "-am", "oficina: PGS-01").status == 0)
    let clean = try git("merge", "--no-edit", "campo")
    #expect(clean.status == 0, "\(clean.stdout)\n\(clean.stderr)")
    #expect(try progress("ACMI-04") == 55)
    #expect(try progress("PGS-01") == 33)
    #expect(try git("status", "--porcelain").stdout.isEmpty)

    // The same field on both branches: a conflict, reported by the driver.
    #expect(try git("checkout", "-q", "-b", "campo2").status == 0)
    try tablero("set-progress", "ACMI-04", "70")
    try tablero("set-progress", "INTS-01", "5")
    #expect(try git("commit", "-q", "-am", "campo2").status == 0)
    #expect(try git("checkout", "-q", "main").status == 0)
    try tablero("set-progress", "ACMI-04", "80")
    #expect(try git("commit", "-q", "-am", "oficina: ACMI-04").status == 0)
    let conflicted = try git("merge", "--no-edit", "campo2")
    #expect(conflicted.status != 0)
    let output = conflicted.stdout + conflicted.stderr
    #expect(output.contains("initiatives[ACMI-04].actualProgress"), "\(output)")
    #expect(try git("status", "--porcelain").stdout.contains("UU portafolio.json"))
    // The file in the work tree is a valid portfolio: mine's value in the conflict, the rest merged.
    let validate = try TableroProcess.run(["validate", repo.appendingPathComponent("portafolio.json").path], environment: s.environment)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    #expect(try progress("ACMI-04") == 80)
    #expect(try progress("INTS-01") == 5)
  }
}

/// Runs git with a private HOME and a fixed identity.
enum Git {
  static var isAvailable: Bool {
    ["/usr/bin/git", "/bin/git", "/usr/local/bin/git"].contains { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func run(_ arguments: [String], in directory: URL, home: String) throws -> TableroProcess.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = directory
    process.environment = [
      "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": home, "LANG": "C.UTF-8", "NO_COLOR": "1",
      "GIT_AUTHOR_NAME": "Prueba", "GIT_AUTHOR_EMAIL": "prueba@example.org",
      "GIT_COMMITTER_NAME": "Prueba", "GIT_COMMITTER_EMAIL": "prueba@example.org",
      "GIT_CONFIG_NOSYSTEM": "1",
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return TableroProcess.Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
