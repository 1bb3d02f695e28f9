import Foundation
import Testing

@Suite("report --compare")
struct CompareTests {
  @Test func textListsWhatMovedAfterTheTable() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--compare", "01/03/2012")
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    let table = try #require(out.range(of: "Portafolio: esperado"))
    let section = try #require(out.range(of: "Cambios de estado entre 01/03/2012 y 30/06/2013"))
    #expect(table.lowerBound < section.lowerBound, "the section comes after the normal table")
    #expect(out.contains("Avance real: el valor actual del archivo en ambas fechas"))
    #expect(out.line(containing: "ACMI Adquisición", "✓ Conforme al esperado", "✗ Desviación mayor al 30%", "↓ Empeoró") != nil)
    #expect(out.contains("9 cambios: 9 empeoraron"))
  }

  @Test func csvMarkdownAndJSONCarryTheSameChanges() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let csv = try sandbox.run("report", "--file", demo, "--compare", "2012-03-01", "--format", "csv")
    #expect(csv.status == 0, "\(csv.stderr)")
    let parts = csv.stdout.components(separatedBy: "\r\n\r\n")
    #expect(parts.count == 2, "the report, a blank line, the changes")
    let changes = CSVText.parse(parts.last ?? "")
    #expect(changes.first?.first == "tipo" && changes.first?.last == "cambio")
    #expect(changes.contains([
      "componente", "ACMI", "Adquisición y compra coordinada de medicamentos e insumos", "01/03/2012", "35.7", "68.8",
      "92.7", "Conforme al esperado", "30/06/2013", "100.0", "68.8", "-31.3", "Desviación mayor al 30%", "worsened",
    ]))
    #expect(changes.count == 1 + 9)

    let md = try sandbox.run("report", "--file", demo, "--compare", "01/03/2012", "--format", "markdown")
    #expect(md.stdout.contains("## Cambios de estado entre 01/03/2012 y 30/06/2013"))
    #expect(md.stdout.line(containing: "| Componente | ACMI Adquisición", "↓ Empeoró |") != nil)

    let json = try sandbox.run("report", "--file", demo, "--compare", "01/03/2012", "--format", "json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let comparison = try #require(root["comparison"] as? [String: Any])
    #expect(comparison["from"] as? String == "2012-03-01")
    #expect(comparison["to"] as? String == "2013-06-30")
    #expect(comparison["actualFromHistory"] as? Bool == false)
    let list = try #require(comparison["changes"] as? [[String: Any]])
    #expect(list.count == 9)
    let acmi = try #require(list.first { $0["id"] as? String == "ACMI" })
    #expect((acmi["before"] as? [String: Any])?["status"] as? String == "onTrack")
    #expect((acmi["after"] as? [String: Any])?["status"] as? String == "majorDeviation")
  }

  @Test func detailAddsInitiativesAndStatusFilters() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let detail = try sandbox.run("report", "--file", demo, "--compare", "01/10/2012", "--detail", "--format", "csv")
    let rows = CSVText.parse(detail.stdout.components(separatedBy: "\r\n\r\n").last ?? "")
    #expect(rows.contains { $0.first == "iniciativa" && $0.last == "started" })
    let red = try sandbox.run("report", "--file", demo, "--compare", "01/10/2012", "--status", "red", "--format", "csv")
    let redRows = CSVText.parse(red.stdout.components(separatedBy: "\r\n\r\n").last ?? "").dropFirst()
    #expect(!redRows.isEmpty)
    #expect(redRows.allSatisfy { $0[7] == "Desviación mayor al 30%" || $0[12] == "Desviación mayor al 30%" })
  }

  @Test func pastActualComesFromTheHistoryWhenThereIsOne() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    // ACMI's initiatives were all at 0 until 2013: at 01/10/2012 ACMI was red, today it is red too
    // but PGS-01 (100% today) was at 10%: its component improves.
    var lines: [String] = []
    for id in ["PGS-01", "PGS-02", "PGS-03", "PGS-04", "PGS-05"] {
      lines.append(#"{"at":"2012-06-01T09:00:00Z","user":"t@h","id":"\#(id)","field":"actualProgress","old":"0","new":"10"}"#)
      lines.append(#"{"at":"2013-06-01T09:00:00Z","user":"t@h","id":"\#(id)","field":"actualProgress","old":"10","new":"90"}"#)
    }
    try sandbox.write("demo.json.historial.jsonl", lines.joined(separator: "\n") + "\n")
    let result = try sandbox.run("report", "--file", demo, "--compare", "01/10/2012", "--detail")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Avance real en cada fecha según el historial"))
    #expect(result.stdout.line(containing: "PGS-01 ", "10.0%", "✗ Desviación mayor al 30%", "✓ Conforme al esperado", "↑ Mejoró") != nil, "\(result.stdout)")
  }

  @Test func aBadDateIsRefused() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--compare", "31/02/2012")
    #expect(result.status == 64)
  }
}
