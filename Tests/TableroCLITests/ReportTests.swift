import Foundation
import Testing

@Suite("report")
struct ReportTests {
  static let acmiRow = [
    "componente", "OAM", "ACMI", "Adquisición y compra coordinada de medicamentos e insumos", "01/01/2013",
    "31/12/2015", "100.0", "68.8", "33.3", "-31.3", "Desviación mayor al 30%",
  ]

  @Test func csvHasTheHeaderAndTheDemoRows() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--format", "csv")
    #expect(result.status == 0, "\(result.stderr)")
    let rows = CSVText.parse(result.stdout)
    #expect(rows.first == [
      "tipo", "imperativo", "id", "nombre", "fecha_inicial", "fecha_esperada", "avance_esperado", "avance_real",
      "ponderacion", "desviacion", "estado",
    ])
    #expect(rows.contains(Self.acmiRow))
    #expect(rows.allSatisfy { $0.count == 11 }, "every row has 11 fields")
    let subtotals = rows.filter { $0.first == "subtotal" }.map { $0[2] }
    #expect(subtotals == ["RTE", "OAM", "CAM", "IOS"])
    #expect(rows.contains { $0.first == "subtotal" && $0[2] == "IOS" && $0[10] == "Sin componentes" })
  }

  @Test func jsonParsesAndHasTheRows() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--format", "json", "--detail")
    #expect(result.status == 0, "\(result.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(root["reportDate"] as? String == "2013-06-30")
    #expect(root["tolerance"] as? Double == -30)
    let rows = try #require(root["rows"] as? [[String: Any]])
    let acmi = try #require(rows.first { $0["id"] as? String == "ACMI" && $0["imperative"] as? String == "OAM" })
    #expect(acmi["kind"] as? String == "component")
    #expect(acmi["expected"] as? Double == 100)
    #expect(acmi["actual"] as? Double == 68.8)
    #expect(acmi["deviation"] as? Double == -31.3)
    #expect(acmi["status"] as? String == "majorDeviation")
    #expect(acmi["start"] as? String == "2013-01-01")
    let initiative = try #require(rows.first { $0["id"] as? String == "ACMI-04" })
    #expect(initiative["kind"] as? String == "initiative")
    #expect(initiative["actual"] as? Double == 40)
    #expect(initiative["deviation"] as? Double == -60)
    let portfolio = try #require(root["portfolio"] as? [String: Any])
    #expect(portfolio["status"] is String)
  }

  @Test func markdownIsATable() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--format", "markdown")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("# Tablero de Control — "))
    #expect(result.stdout.contains("| Elemento | Fecha inicial | Fecha esperada |"))
    #expect(result.stdout.line(containing: "| ACMI Adquisición y compra coordinada de medicamentos e insumos | 01/01/2013 | 31/12/2015 | 100.0% | 68.8% | 33.3% | -31.3% | ✗ Desviación mayor al 30% |") != nil)
    #expect(result.stdout.contains("| **Subtotal Oportunidad de Abasto de Medicamentos** |"))
  }

  @Test func textShowsTheLegendAndNoEscapesWithNoColor() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Fecha del reporte 30/06/2013   Desviación aceptable -30.0%"))
    #expect(result.stdout.contains("✓ Conforme al esperado"))
    #expect(result.stdout.line(containing: "ACMI Adquisición", "100.0%", "68.8%", "-31.3%", "✗ Desviación mayor al 30%") != nil)
    #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR and a pipe: no ANSI escapes")
  }

  @Test func statusRedShowsOnlyRedRowsAndSubtotals() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let red = "Desviación mayor al 30%"
    let result = try sandbox.run("report", "--file", demo, "--status", "red", "--format", "csv")
    #expect(result.status == 0, "\(result.stderr)")
    let records = CSVText.records(result.stdout)
    // The last row is the portfolio total, whatever the filter.
    #expect(records.last?["tipo"] == "portafolio")
    let items = records.filter { $0["tipo"] != "subtotal" && $0["tipo"] != "portafolio" }
    #expect(!items.isEmpty)
    #expect(items.allSatisfy { $0["estado"] == red }, "\(items.filter { $0["estado"] != red })")
    #expect(items.contains { $0["id"] == "ACMI" && $0["imperativo"] == "OAM" })
    #expect(items.contains { $0["id"] == "PMSRS" })
    #expect(!records.contains { $0["id"] == "ECE" }, "a green component is filtered out")
    // Each imperative shown has its subtotal; IOS (sin componentes) has nothing red.
    let shown = Set(items.compactMap { $0["imperativo"] })
    let subtotals = Set(records.filter { $0["tipo"] == "subtotal" }.compactMap { $0["id"] })
    #expect(shown == subtotals)
    #expect(!subtotals.contains("IOS"))

    let spanish = try sandbox.run("report", "--file", demo, "--status", "rojo", "--format", "csv")
    #expect(spanish.stdout == result.stdout, "Spanish colour words work too")
    let bad = try sandbox.run("report", "--file", demo, "--status", "purple")
    #expect(bad.status == 64)
  }

  @Test func statusRedWithDetailKeepsTheComponentOfEachRedInitiative() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let red = "Desviación mayor al 30%"
    let result = try sandbox.run("report", "--file", demo, "--status", "red", "--detail", "--format", "csv")
    #expect(result.status == 0, "\(result.stderr)")
    let records = CSVText.records(result.stdout)
    let initiatives = records.filter { $0["tipo"] == "iniciativa" }
    #expect(initiatives.allSatisfy { $0["estado"] == red })
    #expect(initiatives.contains { $0["id"] == "ACMI-04" })
    #expect(!records.contains { $0["id"] == "ECE-01" }, "a green initiative is filtered out")
    // A component row is either red itself or the heading of red initiatives listed under it.
    for (i, row) in records.enumerated() where row["tipo"] == "componente" && row["estado"] != red {
      #expect(records.indices.contains(i + 1) && records[i + 1]["tipo"] == "iniciativa", "\(row["id"] ?? "")")
    }
  }

  @Test func dateOptionChangesExpectedProgress() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    func acmi04(_ extra: String...) throws -> [String: String] {
      let result = try sandbox.run(arguments: ["report", "--file", demo, "--detail", "--format", "csv"] + extra)
      #expect(result.status == 0, "\(result.stderr)")
      return try #require(CSVText.records(result.stdout).first { $0["id"] == "ACMI-04" })
    }
    // ACMI-04 runs 01/10/2011–30/11/2012 (426 days); on 01/01/2012, 92 days have passed.
    #expect(try acmi04()["avance_esperado"] == "100.0")
    #expect(try acmi04("--date", "2012-01-01")["avance_esperado"] == "21.6")
    #expect(try acmi04("--date", "01/01/2012")["avance_esperado"] == "21.6")
    #expect(try acmi04("--date", "2011-10-01")["avance_esperado"] == "0.0", "0% on the start day itself")
    #expect(try acmi04("--date", "2011-10-01")["estado"] == "No iniciado")
    // The seed's own date shows nothing started; 30/06/2013 does.
    let seed = try Sandbox(file: "seed.json")
    #expect(try seed.run("init").status == 0)
    let before = try seed.run("report", "--format", "csv")
    let after = try seed.run("report", "--format", "csv", "--date", "2013-06-30")
    let ece = { (text: String) in CSVText.records(text).first { $0["id"] == "ECE" }?["avance_esperado"] }
    #expect(ece(before.stdout) == "0.0")
    #expect(ece(after.stdout) == "100.0")
    // --date does not change the file.
    #expect(try seed.json("seed.json")["reportDate"] as? String == "2011-09-01")
    let invalid = try sandbox.run("report", "--file", demo, "--date", "2013-02-30")
    #expect(invalid.status == 64)
  }

  @Test func englishWithLangOptionOrLANG() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--lang", "en")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("Control Dashboard — "))
    #expect(result.stdout.contains("Report date 30/06/2013   Acceptable deviation -30.0%"))
    #expect(result.stdout.contains("Deviation over 30%"))
    #expect(result.stdout.contains("Portfolio: expected "))
    #expect(!result.stdout.contains("Fecha del reporte"))

    sandbox.environment["LANG"] = "en_US.UTF-8"
    let byLocale = try sandbox.run("report", "--file", demo)
    #expect(byLocale.stdout == result.stdout)
    let error = try sandbox.run("set-progress", "ACMI-04", "150", "--file", demo)
    #expect(error.status == 65)
    #expect(error.stderr.contains("progress must be between 0 and 100"))
    let spanish = try sandbox.run("report", "--file", demo, "--lang", "es")
    #expect(spanish.stdout.hasPrefix("Tablero de Control — "))
  }
}
