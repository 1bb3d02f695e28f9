import Foundation
import Testing

@Suite("validate")
struct ValidateTests {
  /// The demo file parsed, changed by `edit`, and written back as `name`.
  func broken(_ sandbox: Sandbox, _ name: String, _ edit: (inout [String: Any]) -> Void) throws {
    try sandbox.demo("base.json")
    var root = try sandbox.json("base.json")
    edit(&root)
    let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: sandbox.path(name)))
  }

  @Test func aGoodFileGivesOneSummaryLine() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("validate", demo)
    #expect(result.status == 0)
    #expect(result.stdout.lines.count == 1, "\(result.stdout)")
    #expect(result.stdout.contains("válido — 4 imperativos, 9 componentes, 86 iniciativas"))
    // Warnings go to stderr, each with its path.
    #expect(result.stderr.lines.allSatisfy { $0.contains("aviso en $.") })
  }

  @Test func aTruncatedFileIsRefusedWithItsPlace() throws {
    let sandbox = try Sandbox()
    try sandbox.demo()
    let bytes = try sandbox.bytes("demo.json")
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: sandbox.path("cut.json")))
    let before = try sandbox.bytes("cut.json")
    let result = try sandbox.run("validate", sandbox.path("cut.json"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("cut.json"))
    #expect(result.stderr.contains("línea "), "\(result.stderr)")
    #expect(result.stderr.contains("truncado"), "\(result.stderr)")
    #expect(try sandbox.bytes("cut.json") == before)
    // Every command refuses it the same way and leaves it alone.
    let report = try sandbox.run("set-progress", "ACMI-04", "10", "--file", sandbox.path("cut.json"))
    #expect(report.status == 65)
    #expect(try sandbox.bytes("cut.json") == before)
  }

  @Test func wrongTypesAreAllListedWithTheirPaths() throws {
    let sandbox = try Sandbox()
    try broken(sandbox, "types.json") { root in
      var initiatives = root["initiatives"] as! [[String: Any]]
      initiatives[3]["actualProgress"] = "cuarenta"
      initiatives[5]["start"] = 20_110_101
      initiatives[7]["quickWin"] = "sí"
      root["initiatives"] = initiatives
      var components = root["components"] as! [[String: Any]]
      components[0]["name"] = true
      root["components"] = components
    }
    let result = try sandbox.run("validate", sandbox.path("types.json"))
    #expect(result.status == 65)
    for path in [
      "$.initiatives[3].actualProgress", "$.initiatives[5].start", "$.initiatives[7].quickWin", "$.components[0].name",
    ] {
      #expect(result.stderr.contains(path), "missing \(path) in:\n\(result.stderr)")
    }
    #expect(result.stderr.contains("se esperaba un número"), "\(result.stderr)")
  }

  @Test func duplicateIDsAndBadValuesAreAllListed() throws {
    let sandbox = try Sandbox()
    try broken(sandbox, "dups.json") { root in
      var initiatives = root["initiatives"] as! [[String: Any]]
      initiatives[1]["id"] = initiatives[0]["id"]
      initiatives[2]["id"] = "ECE"
      initiatives[4]["actualProgress"] = 150
      initiatives[6]["component"] = "NOPE"
      root["initiatives"] = initiatives
    }
    let result = try sandbox.run("validate", sandbox.path("dups.json"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("(4 errores)"), "\(result.stderr)")
    #expect(result.stderr.contains("error en $.initiatives[1].id: el identificador \"ECE-01\" ya se usa en $.initiatives[0]"))
    #expect(result.stderr.contains("error en $.initiatives[2].id"))
    #expect(result.stderr.contains("error en $.initiatives[4].actualProgress"))
    #expect(result.stderr.contains("error en $.initiatives[6].component"))
  }

  @Test func aMissingFileIsAnIOError() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run("validate", sandbox.path("nada.json"))
    #expect(result.status == 74)
    #expect(result.stderr.contains("nada.json"))
    #expect(result.stderr.contains("no existe"))
    #expect(!sandbox.exists("nada.json"))
  }

  @Test func emptyAndNonJSONFiles() throws {
    let sandbox = try Sandbox()
    try sandbox.write("empty.json", "")
    try sandbox.write("text.json", "Hola, esto no es JSON\n")
    let empty = try sandbox.run("validate", sandbox.path("empty.json"))
    #expect(empty.status == 65)
    #expect(empty.stderr.contains("vacío"))
    let text = try sandbox.run("validate", sandbox.path("text.json"))
    #expect(text.status == 65)
    #expect(text.stderr.contains("línea 1, columna 1"), "\(text.stderr)")
  }
}
