import Foundation
import Testing

/// `tablero import-indicadores`: indicators and measurements from the committed CSV fixtures.
@Suite("import-indicadores: CSV de indicadores y mediciones")
struct IndicatorCSVImportTests {
  static func fixture(_ name: String) -> String { CSVImportFidelityTests.fixture(name) }

  /// The indicator with `id` in the saved portfolio.
  static func indicator(_ id: String, in root: [String: Any]) -> [String: Any]? {
    (root["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == id }
  }

  @Test func indicatorsThenMeasurementsAreAddedWithEveryField() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let first = try sandbox.run("import-indicadores", Self.fixture("indicadores-utf8-coma.csv"))
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("separador coma «,»"), "\(first.stdout)")
    #expect(first.stdout.contains("2 indicadores agregados, 0 actualizados"), "\(first.stdout)")
    let second = try sandbox.run("import-indicadores", Self.fixture("mediciones-utf8-coma.csv"))
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("3 mediciones registradas"), "\(second.stdout)")

    let saved = try sandbox.json("demo.json")
    #expect((saved["indicators"] as? [Any])?.count == 8)
    let a = try #require(Self.indicator("4.5", in: saved))
    #expect(a["owner"] as? String == "IOS" && a["unit"] as? String == "porcentaje")
    #expect(a["kind"] as? String == "strategic" && a["trend"] as? String == "ascending")
    #expect(a["periodicity"] as? String == "semiannual" && a["accumulation"] as? String == "cumulative")
    let baseline = try #require(a["baseline"] as? [String: Any])
    #expect(baseline["year"] as? Int == 2012 && baseline["value"] as? Double == 20)
    #expect(baseline["note"] as? String == "Diagnóstico inicial")
    let goals = try #require(a["goals"] as? [[String: Any]])
    #expect(goals.map { $0["year"] as? Int } == [2013, 2014] && goals.map { $0["value"] as? Double } == [40, 60])
    #expect((a["finalGoal"] as? [String: Any])?["value"] as? Double == 90)
    #expect(a["method"] as? String == "Expedientes interoperables / expedientes totales × 100")
    let series = try #require(a["measurements"] as? [[String: Any]])
    #expect(series.map { $0["date"] as? String } == ["2012-12-31", "2013-06-30"])
    #expect(series.map { $0["value"] as? Double } == [22, 31.5])
    #expect(series[0]["note"] as? String == "Cierre anual" && series[0]["by"] as? String == "Ana Ruiz")
    // An empty `registro` is the person running the command.
    #expect((series[1]["by"] as? String)?.isEmpty == false)

    let b = try #require(Self.indicator("4.6", in: saved))
    #expect(b["name"] as? String == "Días para referir a un paciente, promedio")
    #expect(b["kind"] as? String == "management" && b["trend"] as? String == "descending")
    #expect(b["source"] as? String == "Sistema de referencia, SSA")
    let absentBaseline = try #require(b["baseline"] as? [String: Any])
    #expect(absentBaseline["value"] is NSNull && absentBaseline["reason"] as? String == "N.D.")
    let absent = try #require((b["measurements"] as? [[String: Any]])?.first)
    #expect(absent["value"] is NSNull && absent["reason"] as? String == "N.D.")

    // The listing sees them too.
    let list = try sandbox.run("indicadores", "--format", "json", "--de", "IOS")
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("\"4.5\"") && list.stdout.contains("\"4.6\""), "\(list.stdout)")
  }

  @Test func anExcelWindows1252SemicolonFileWithCommaDecimalsWorks() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let result = try sandbox.run("import-indicadores", Self.fixture("indicadores-excel-windows1252-puntoycoma.csv"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Windows-1252") && result.stdout.contains("punto y coma"), "\(result.stdout)")
    let x = try #require(Self.indicator("4.7", in: try sandbox.json("demo.json")))
    #expect(x["name"] as? String == "Unidades con telemedicina en operación")
    #expect(x["unit"] as? String == "número" && x["accumulation"] as? String == "periodic")
    #expect((x["baseline"] as? [String: Any])?["value"] as? Double == 12.5)
    #expect(x["source"] as? String == "Dirección General de Información en Salud")
  }

  @Test func badIndicatorRowsNameRowAndColumnAndNothingIsWritten() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    let result = try sandbox.run("import-indicadores", Self.fixture("indicadores-errores.csv"))
    #expect(result.status == 65)
    let e = result.stderr
    #expect(e.contains("no se importó nada"), "\(e)")
    #expect(e.contains("fila 3, columna pertenece_a: no existe el imperativo o componente \"NOEXISTE\""), "\(e)")
    #expect(e.contains("fila 3, columna sentido: valor no válido \"hacia abajo\""), "\(e)")
    #expect(e.contains("fila 3, columna linea_base_anio: año no válido \"12\""), "\(e)")
    #expect(e.contains("fila 4, columna linea_base_valor: \"veinte\" no es un valor"), "\(e)")
    #expect(e.contains("fila 4, columna metas: meta no válida \"2013 cuarenta\""), "\(e)")
    #expect(!e.contains("fila 2"), "\(e)")
    #expect(try sandbox.bytes("demo.json") == before)

    let english = try sandbox.run("import-indicadores", Self.fixture("indicadores-errores.csv"), "--lang", "en")
    #expect(english.stderr.contains("row 3, column sentido: invalid value \"hacia abajo\""), "\(english.stderr)")
    #expect(try sandbox.bytes("demo.json") == before)
  }

  @Test func aMeasurementOfAnUnknownIndicatorIsAnErrorNamingItsRow() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    let result = try sandbox.run("import-indicadores", Self.fixture("mediciones-errores.csv"))
    #expect(result.status == 65)
    let e = result.stderr
    #expect(e.contains("fila 3, columna indicador: no existe el indicador \"9.9\""), "\(e)")
    #expect(e.contains("fila 4, columna fecha: fecha no válida \"31/02/2013\""), "\(e)")
    #expect(e.contains("fila 4, columna valor: \"cuarenta\" no es un valor"), "\(e)")
    // Row 2 is good, but nothing is written while another row is bad.
    #expect(try sandbox.bytes("demo.json") == before)
    let english = try sandbox.run("import-indicadores", Self.fixture("mediciones-errores.csv"), "--lang", "en")
    #expect(english.stderr.contains("row 3, column indicador: there is no indicator \"9.9\""), "\(english.stderr)")
  }
}
