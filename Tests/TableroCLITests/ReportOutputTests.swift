import Foundation
import Testing

/// Report outputs people read or share: totals, comparisons that never hide changes, and no
/// escape sequence from the data ever reaching the terminal.
@Suite("report outputs")
struct ReportOutputTests {
  @Test func markdownAndCSVEndWithThePortfolioTotal() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let text = try sandbox.run("report")
    #expect(text.stdout.contains("Portafolio: esperado 65.1%, real 54.9%, desviación -15.6%"), "\(text.stdout)")
    let markdown = try sandbox.run("report", "--format", "markdown")
    let last = try #require(markdown.stdout.lines.last)
    #expect(last.hasPrefix("| **Total del portafolio** |"), "\(last)")
    #expect(last.contains("65.1%") && last.contains("54.9%") && last.contains("-15.6%"), "\(last)")
    let csv = try sandbox.run("report", "--format", "csv")
    let row = try #require(CSVText.records(csv.stdout).last)
    #expect(row["tipo"] == "portafolio")
    #expect(row["avance_esperado"] == "65.1" && row["avance_real"] == "54.9" && row["desviacion"] == "-15.6", "\(row)")
    let exported = try sandbox.run("export", "--format", "markdown")
    #expect(exported.stdout.contains("| **Total del portafolio** |"))
  }

  @Test func compareWithAStatusFilterNeverSaysNothingChangedWhenInitiativesDid() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let detail = try sandbox.run("report", "--compare", "01/01/2013", "--status", "red", "--detail")
    let changed = try #require(detail.stdout.line(containing: "cambios:"))
    let count = try #require(Int(changed.prefix { $0.isNumber }))
    #expect(count > 0)
    let summary = try sandbox.run("report", "--compare", "01/01/2013", "--status", "red")
    #expect(!summary.stdout.contains("Ningún elemento cambió de estado"), "\(summary.stdout)")
    #expect(summary.stdout.contains("pero \(count) iniciativas sí: agregue --detail para verlas"), "\(summary.stdout)")
    let english = try sandbox.run("report", "--compare", "01/01/2013", "--status", "red", "--lang", "en")
    #expect(english.stdout.contains("but \(count) initiatives did: add --detail to see them"), "\(english.stdout)")
  }

  @Test func escapeSequencesFromTheDataNeverReachTheTerminal() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let hostile = "Nombre\u{1B}]0;titulo\u{07}\u{1B}]52;c;cGF5bG9hZA==\u{07}\u{9B}31mfin"
    var root = try sandbox.json("demo.json")
    var initiatives = try #require(root["initiatives"] as? [[String: Any]])
    initiatives[0]["name"] = hostile
    let id = try #require(initiatives[0]["id"] as? String)
    root["initiatives"] = initiatives
    try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: sandbox.path("demo.json")))
    #expect(try sandbox.run("acuerdos", "add", "Revisar \u{1B}[2J borrado", "--responsable", "Ana\u{1B}]0;x\u{07}", "--vence", "31/12/2013", "--item", id).status == 0)
    for args in [
      ["report", "--detail"], ["export", "--format", "markdown"], ["export", "--format", "text"], ["acuerdos"],
      ["report", "--detail", "--compare", "01/01/2012"],
    ] {
      let result = try sandbox.run(arguments: args)
      #expect(result.status == 0, "\(args): \(result.stderr)")
      #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(args)")
      #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(args)")
    }
    let report = try sandbox.run("report", "--detail")
    #expect(report.stdout.contains("Nombre�]0;titulo��]52;c;cGF5bG9hZA==��31mfin"), "shown, made harmless")
    // A machine format written to a file keeps the data exactly.
    #expect(try sandbox.run("export", "--format", "csv", "--output", sandbox.path("x.csv")).status == 0)
    #expect(String(decoding: try sandbox.bytes("x.csv"), as: UTF8.self).contains(hostile))
  }
}
