import Foundation
import Testing

/// Issue 12: `tablero indicadores --format csv` writes the layouts `import-indicadores` reads
/// (docs/CSV.md, «Indicadores»): export → import into a portfolio without indicators → the
/// same indicators, every field and measurement.
@Suite("indicadores --format csv: importable round trip")
struct IndicatorCSVRoundTripTests {
  static func indicators(_ root: [String: Any]) -> [[String: Any]] { root["indicators"] as? [[String: Any]] ?? [] }

  @Test func exportThenImportGivesTheSameIndicators() throws {
    let sandbox = try Sandbox(file: "demo.json")
    sandbox.environment["USER"] = "ana"
    try sandbox.demo()
    // Values that test the text: a note with a comma and quotes, a reason, three decimals, a comma-free rate.
    #expect(try sandbox.run("indicador", "medir", "1.1", "30/09/2013", "41.125", "--nota", "Corte, \"preliminar\"").status == 0)
    #expect(try sandbox.run("indicador", "medir", "3.1", "30/06/2013", "N.A.", "--nota", "Sin padrón").status == 0)
    let original = try sandbox.json("demo.json")
    let indicatorsCSV = try sandbox.run("indicadores", "--format", "csv")
    #expect(indicatorsCSV.status == 0, "\(indicatorsCSV.stderr)")
    #expect(indicatorsCSV.stdout.hasPrefix(
      "id,pertenece_a,nombre,unidad,tipo,sentido,periodicidad,acumulacion,linea_base_anio,linea_base_valor,linea_base_nota,metas,meta_final_anio,meta_final_valor,meta_final_nota,metodo,fuente\r\n"))
    let measurementsCSV = try sandbox.run("indicadores", "--format", "csv", "--mediciones")
    #expect(measurementsCSV.stdout.hasPrefix("indicador,fecha,valor,nota,registro\r\n"))
    #expect(measurementsCSV.stdout.contains("1.1,30/09/2013,41.125,\"Corte, \"\"preliminar\"\"\",ana\r\n"), "\(measurementsCSV.stdout)")
    try sandbox.write("indicadores.csv", indicatorsCSV.stdout)
    try sandbox.write("mediciones.csv", measurementsCSV.stdout)

    // The same portfolio without its indicators, then both files imported.
    var empty = original
    empty["indicators"] = []
    try sandbox.write("otro.json", String(decoding: try JSONSerialization.data(withJSONObject: empty), as: UTF8.self))
    let first = try sandbox.run("import-indicadores", sandbox.path("indicadores.csv"), "--file", sandbox.path("otro.json"))
    #expect(first.status == 0, "\(first.stderr)")
    sandbox.environment["USER"] = "beto"
    let second = try sandbox.run("import-indicadores", sandbox.path("mediciones.csv"), "--file", sandbox.path("otro.json"))
    #expect(second.status == 0, "\(second.stderr)")

    let before = Self.indicators(original)
    let after = Self.indicators(try sandbox.json("otro.json"))
    #expect(after.map { $0["id"] as? String } == before.map { $0["id"] as? String })
    for (a, b) in zip(before, after) {
      let id = a["id"] as? String ?? "?"
      for key in ["name", "owner", "unit", "kind", "trend", "periodicity", "accumulation", "method", "source"] {
        #expect((a[key] as? String ?? "") == (b[key] as? String ?? ""), "\(id).\(key)")
      }
      for key in ["baseline", "finalGoal"] {
        #expect((a[key] as? NSObject) == (b[key] as? NSObject), "\(id).\(key): \(String(describing: a[key])) → \(String(describing: b[key]))")
      }
      #expect((a["goals"] as? NSArray) == (b["goals"] as? NSArray), "\(id).goals")
      let ma = a["measurements"] as? [[String: Any]] ?? []
      let mb = b["measurements"] as? [[String: Any]] ?? []
      #expect(ma.count == mb.count, "\(id) measurements")
      for (x, y) in zip(ma, mb) {
        for key in ["date", "reason", "note"] { #expect((x[key] as? String ?? "") == (y[key] as? String ?? ""), "\(id) \(x["date"] ?? "") \(key)") }
        #expect((x["value"] as? NSObject) == (y["value"] as? NSObject), "\(id) \(x["date"] ?? "") value")
        // `registro` is kept; an empty one becomes the person importing (docs/CSV.md).
        let by = x["by"] as? String ?? ""
        #expect((y["by"] as? String) == (by.isEmpty ? "beto" : by), "\(id) \(x["date"] ?? "") by")
      }
    }
    // Importing the export again changes nothing.
    let again = try sandbox.run("import-indicadores", sandbox.path("indicadores.csv"), "--file", sandbox.path("otro.json"))
    #expect(again.status == 0 && again.stdout.contains("0 indicadores agregados"), "\(again.stdout)")
    #expect(try sandbox.run("validate", sandbox.path("otro.json")).status == 0)
  }

  @Test func measurementsGoOnlyWithCSV() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let refused = try sandbox.run("indicadores", "--mediciones")
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--mediciones va con --format csv"))
    let owned = try sandbox.run("indicadores", "--format", "csv", "--de", "CAM")
    #expect(owned.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",CAM,") }, "\(owned.stdout)")
  }
}
