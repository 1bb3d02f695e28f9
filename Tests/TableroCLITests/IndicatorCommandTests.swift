import Foundation
import Testing

@Suite("indicadores, indicador medir")
struct IndicatorCommandTests {
  @Test func theDemoListsEveryStateOfItsIndicators() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let text = try sandbox.run("indicadores")
    #expect(text.status == 0, "\(text.stderr)")
    // 1.1 descending: 45 → 38 planned, 42 measured at 30/06/2013 → red.
    #expect(text.stdout.contains("1.1 Días de espera para cirugía programada de alta especialidad [días]"), "\(text.stdout)")
    #expect(text.stdout.contains("último 42 (30/06/2013) · ✗ Desviación mayor al 30%"), "\(text.stdout)")
    #expect(text.stdout.contains("último N.D. (31/12/2012) · ? Sin medición"), "\(text.stdout)")
    let json = try sandbox.run("indicadores", "--format", "json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let rows = try #require(root["indicators"] as? [[String: Any]])
    #expect(rows.count == 6)
    let states = rows.compactMap { ($0["status"] as? [String: Any])?["state"] as? String }
    #expect(Set(states) == ["red", "yellow", "green", "unmeasured"])
    let csv = try sandbox.run("indicadores", "--format", "csv")
    #expect(csv.stdout.hasPrefix("id,pertenece_a,nombre,unidad,tipo,sentido,periodicidad,acumulacion,"), "the import layout (docs/CSV.md)")
    let md = try sandbox.run("indicadores", "--format", "markdown", "--de", "CAM")
    #expect(md.stdout.contains("| 3.1 | CAM |") && !md.stdout.contains("| 1.1 |"), "\(md.stdout)")
  }

  @Test func theSSAIndicatorsHaveNoInventedNumbers() throws {
    let sandbox = try Sandbox(file: "ssa.json")
    #expect(try sandbox.run("init", sandbox.path("ssa.json")).status == 0)
    let json = try sandbox.run("indicadores", "--format", "json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let rows = try #require(root["indicators"] as? [[String: Any]])
    #expect(rows.count == 4)
    for row in rows {
      let x = try #require(row["indicator"] as? [String: Any])
      #expect(x["baseline"] is NSNull && x["finalGoal"] is NSNull && (x["measurements"] as? [Any])?.isEmpty == true)
      #expect((row["status"] as? [String: Any])?["state"] as? String == "nogoal")
    }
  }

  @Test func measuringSavesValueNoteAndWhoAndShowsTheNewStatus() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let result = try sandbox.run("indicador", "medir", "1.1", "30/06/2013", "39,5", "--nota", "Nuevo quirófano")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1.1: 42 (30/06/2013) → 39.5 (30/06/2013) · ✓ Conforme al esperado"), "\(result.stdout)")
    let saved = try sandbox.json("demo.json")
    let indicators = try #require(saved["indicators"] as? [[String: Any]])
    let last = try #require((indicators[0]["measurements"] as? [[String: Any]])?.last)
    #expect(last["value"] as? Double == 39.5)
    #expect(last["note"] as? String == "Nuevo quirófano")
    #expect((last["by"] as? String)?.isEmpty == false)

    let absent = try sandbox.run("indicador", "medir", "3.1", "2013-06-30", "N.D.")
    #expect(absent.status == 0, "\(absent.stderr)")
    #expect(absent.stdout.contains("3.1: N.D. (30/06/2013)"), "\(absent.stdout)")
  }

  @Test func badInputIsRefusedWithoutTouchingTheFile() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    let typo = try sandbox.run("indicador", "medir", "1.1", "30/06/2013", "4o")
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("\"4o\" no es un valor"), "\(typo.stderr)")
    let unknown = try sandbox.run("indicador", "medir", "9.9", "30/06/2013", "4")
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("no existe el indicador \"9.9\""), "\(unknown.stderr)")
    let badDate = try sandbox.run("indicador", "medir", "1.1", "31/02/2013", "4")
    #expect(badDate.status == 64)
    #expect(try sandbox.bytes("demo.json") == before)
  }
}

@Suite("report --detail: forecast column")
struct ReportForecastTests {
  @Test func detailAddsTheForecastFromTheHistory() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    // ACMI-04: 20% on 31/01, 30% on 31/03, 40% on 31/05/2013: the least-squares line reaches
    // 100% 480 days after 31/01/2013, 26/05/2014, about 18 months after its planned 30/11/2012.
    try sandbox.write(
      "demo.json.historial.jsonl",
      """
      {"at":"2013-01-31T10:00:00Z","id":"ACMI-04","field":"actualProgress","old":0,"new":20}
      {"at":"2013-03-31T10:00:00Z","id":"ACMI-04","field":"actualProgress","old":20,"new":30}
      {"at":"2013-05-31T10:00:00Z","id":"ACMI-04","field":"actualProgress","old":30,"new":40}

      """)
    let text = try sandbox.run("report", "--file", demo, "--detail")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.line(containing: "ACMI-04", "✗ Desviación mayor al 30%", "26/05/2014 (+18 m)") != nil, "\(text.stdout)")
    #expect(text.stdout.line(containing: "ACMI-06", "terminado") != nil)
    let csv = try sandbox.run("report", "--file", demo, "--detail", "--format", "csv")
    let acmi = try #require(CSVText.records(csv.stdout).first { $0["id"] == "ACMI-04" })
    #expect(acmi["pronostico"] == "26/05/2014 (+18 m)")
    #expect(acmi["estado"] == "Desviación mayor al 30%", "the forecast never changes the status")
    // Without --detail, no forecast column.
    #expect(!(try sandbox.run("report", "--file", demo).stdout.contains("Pronóstico")))
    // JSON: a "forecast" object per row, with the same date.
    let json = try sandbox.run("report", "--file", demo, "--detail", "--format", "json")
    #expect(json.status == 0, "\(json.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let rows = try #require(root["rows"] as? [[String: Any]])
    let row = try #require(rows.first { $0["id"] as? String == "ACMI-04" })
    let forecast = try #require(row["forecast"] as? [String: Any])
    #expect(forecast["outcome"] as? String == "finishes")
    #expect(forecast["finish"] as? String == "2014-05-26")
    #expect(forecast["plannedEnd"] as? String == "2012-11-30")
    #expect(forecast["delayDays"] as? Int == 542)
    #expect(forecast["method"] as? String == "recentTrend:3")
    #expect(forecast["text"] as? String == "a este ritmo termina el 26/05/2014 — 18 meses después de lo planeado")
    #expect(row["status"] as? String == "majorDeviation")
    let finished = try #require(rows.first { $0["id"] as? String == "ACMI-06" })
    #expect((finished["forecast"] as? [String: Any])?["outcome"] as? String == "finished")
    // Without --detail the JSON has no forecast key.
    let plain = try sandbox.run("report", "--file", demo, "--format", "json")
    #expect(!plain.stdout.contains("\"forecast\""))
  }

  /// The portfolio's own forecast in the totals, by the rule for parents (docs/STATUS.md §10):
  /// ACMI-04's series does not make the whole portfolio look early; PMSRS-07 (0 % since its start
  /// on 01/01/2013) leaves it, and PMSRS, without an estimate.
  @Test func detailTotalsCarryThePortfolioForecast() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    try sandbox.write(
      "demo.json.historial.jsonl",
      """
      {"at":"2013-01-31T10:00:00Z","id":"ACMI-04","field":"actualProgress","old":0,"new":20}
      {"at":"2013-05-31T10:00:00Z","id":"ACMI-04","field":"actualProgress","old":20,"new":40}

      """)
    let json = try sandbox.run("report", "--file", demo, "--detail", "--format", "json")
    #expect(json.status == 0, "\(json.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let total = try #require((root["portfolio"] as? [String: Any])?["forecast"] as? [String: Any])
    #expect(total["outcome"] as? String == "noRecentProgress")
    let decidedBy = try #require(total["decidedBy"] as? String)
    #expect(decidedBy.split(separator: "/").count == 3, "imperative/component/initiative: \(decidedBy)")
    let rows = try #require(root["rows"] as? [[String: Any]])
    let pmsrs = try #require(rows.first { $0["id"] as? String == "PMSRS" }?["forecast"] as? [String: Any])
    #expect(pmsrs["outcome"] as? String == "noRecentProgress", "was «24 meses antes de lo planeado»")
    let csv = try sandbox.run("report", "--file", demo, "--detail", "--format", "csv")
    let totalRow = try #require(CSVText.records(csv.stdout).first { $0["tipo"] == "portafolio" })
    #expect(totalRow["pronostico"] == "no estimable")
    let text = try sandbox.run("report", "--file", demo, "--detail")
    #expect(text.stdout.contains("Pronóstico del portafolio: sin avance reciente: no se puede estimar (lo determina \(decidedBy), sin avance reciente)"), "\(text.stdout)")
    let markdown = try sandbox.run("report", "--file", demo, "--detail", "--format", "markdown")
    #expect(markdown.stdout.line(containing: "**Total del portafolio**", "no estimable") != nil, "\(markdown.stdout)")
    #expect(!(try sandbox.run("report", "--file", demo).stdout.contains("Pronóstico del portafolio")), "only with --detail")
  }
}
