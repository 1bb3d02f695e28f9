import Foundation
import Testing

/// "Other portfolios": an institutional programme (objetivos → estrategias → acciones) built
/// from a CSV with `tablero import --new` runs through the same report, with nothing of the SSA
/// seed in sight.
@Suite("other portfolios")
struct OtherPortfolioTests {
  static let csv: String = {
    // Tests/TableroCLITests/OtherPortfolioTests.swift → repository root.
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Assets/programa-imss-ejemplo.csv").path
  }()

  /// The SSA seed's imperative and component ids, as whole words.
  static let seedIDs: Set<String> = ["RTE", "OAM", "CAM", "IOS", "ECE", "PGS", "INTS", "GPC", "PMSRS", "ACMI", "RHS", "MLG"]

  static func words(_ text: String) -> Set<String> {
    Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init))
  }

  func imported() throws -> (Sandbox, String) {
    let sandbox = try Sandbox()
    let file = sandbox.path("imss.json")
    let result = try sandbox.run(
      "import", Self.csv, "--new", "Programa institucional IMSS (ejemplo)", "--file", file, "--report-date", "30/06/2021")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("20 iniciativas agregadas, 0 actualizadas, 9 componentes y 4 imperativos nuevos"), "\(result.stdout)")
    return (sandbox, file)
  }

  @Test func theIMSSSampleImportsAndReportsItsThreeLevels() throws {
    let (sandbox, file) = try imported()
    #expect(try sandbox.run("validate", file).status == 0)

    let report = try sandbox.run("report", "--file", file)
    #expect(report.status == 0, "\(report.stderr)")
    let out = report.stdout
    #expect(out.hasPrefix("Tablero de Control — Programa institucional IMSS (ejemplo)"))
    #expect(out.contains("Fecha del reporte 30/06/2021"))
    #expect(out.contains("Coadyuvar en el acceso universal y gratuito"), "objetivos")
    #expect(out.line(containing: "EST1.2 Intercambio de Servicios con el Sector Público", "✗ Desviación mayor al 30%") != nil, "estrategias")
    #expect(out.line(containing: "Subtotal Asegurar la sostenibilidad", "▲ Desviación de hasta 30%") != nil)

    let detail = try sandbox.run("report", "--file", file, "--detail", "--format", "csv")
    let rows = CSVText.parse(detail.stdout).dropFirst()
    #expect(rows.allSatisfy { !$0[10].isEmpty }, "every row has a status")
    let byID = Dictionary(rows.map { ($0[2], $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byID["OBJ1"]?[0] == "subtotal")
    #expect(byID["EST2.1"]?[0] == "componente")
    #expect(byID["ACC1.1.1"]?[0] == "iniciativa")
    #expect(byID["ACC1.1.1"]?[3] == "Ampliar la consulta externa, la cirugía y los estudios auxiliares en fin de semana", "a comma inside a quoted field")
    #expect(byID["ACC2.1.2"]?[3] == "Extender la estrategia \"Código Azul\" a hospitales de segundo nivel")
    #expect(byID["ACC2.1.2"]?[7] == "30.5", "decimal comma")
    #expect(byID["ACC1.2.1"]?[10] == "Desviación mayor al 30%")
    #expect(byID["ACC1.1.2"]?[10] == "Desviación de hasta 30%")
    #expect(byID["ACC2.2.2"]?[10] == "Conforme al esperado")
    #expect(byID["ACC3.1.2"]?[10] == "No iniciado")
    #expect(rows.filter { $0[0] == "iniciativa" }.count == 20)
    #expect(Set(rows.filter { $0[0] == "subtotal" }.map { $0[2] }) == ["OBJ1", "OBJ2", "OBJ3", "OBJ4"])

    for output in [out, detail.stdout] {
      let leaked = Self.words(output).intersection(Self.seedIDs)
      #expect(leaked.isEmpty, "the SSA seed's ids leaked into the IMSS report: \(leaked.sorted())")
      #expect(!output.contains("Sistema Nacional de Salud") && !output.contains("DEMO"))
    }
  }

  @Test func theIMSSSampleExportsToHTMLWithItsQuotesEscaped() throws {
    let (sandbox, file) = try imported()
    let result = try sandbox.run("export", "--file", file, "--format", "html", "--detail", "--output", sandbox.path("imss.html"))
    #expect(result.status == 0, "\(result.stderr)")
    let html = String(decoding: try sandbox.bytes("imss.html"), as: UTF8.self)
    #expect(html.contains("Extender la estrategia &quot;Código Azul&quot; a hospitales de segundo nivel"))
    #expect(html.contains("data-id=\"EST4.3\""))
    #expect(html.contains("sin fases"), "imported strategies have no Cuadro 8 phases: drawn as their span")
    #expect(Self.words(html).intersection(Self.seedIDs).isEmpty)
  }
}
