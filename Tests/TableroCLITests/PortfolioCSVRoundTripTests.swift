import Foundation
import Testing

/// A whole portfolio through a spreadsheet and back (docs/CSV.md, "Portafolio completo"):
/// what the CSV carries comes back equal; the plain and the Excel layout alike.
@Suite("CSV: whole-portfolio round trip")
struct PortfolioCSVRoundTripTests {
  /// The demo with what it lacks: milestones, phases on every component, weights ≠ 1.
  func richDemo(_ sandbox: Sandbox) throws {
    try sandbox.demo()
    var root = try sandbox.json("demo.json")
    var initiatives = try #require(root["initiatives"] as? [[String: Any]])
    initiatives[0]["milestones"] = [
      ["name": "Licitación | publicada", "due": "2013-03-31", "done": "2013-03-15", "weight": 2.5],
      ["name": "Contrato firmado", "due": "2013-09-30", "done": NSNull(), "weight": 1],
    ]
    root["initiatives"] = initiatives
    var imperatives = try #require(root["imperatives"] as? [[String: Any]])
    imperatives[0]["weight"] = 2.5
    root["imperatives"] = imperatives
    try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: sandbox.path("demo.json")))
  }

  func roundTrip(excel: Bool) throws {
    let sandbox = try Sandbox(file: "demo.json")
    try richDemo(sandbox)
    var args = ["export", "--format", "csv", "--output", sandbox.path("hoja.csv")]
    if excel { args.append("--excel") }
    #expect(try sandbox.run(arguments: args).status == 0)
    let bytes = try sandbox.bytes("hoja.csv")
    if excel {
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "BOM so Excel reads the accents")
      let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
      #expect(text.hasPrefix("imperativo;nombre_imperativo;componente;"), "semicolons")
      #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "CRLF")
      #expect(text.contains(";2,5;"), "decimal comma")
    }
    let imported = try sandbox.run(
      "import", sandbox.path("hoja.csv"), "--new", "Copia", "--report-date", "30/06/2013", "--file", sandbox.path("copia.json"))
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains(excel ? "UTF-8 con BOM, separador punto y coma" : "UTF-8, separador coma"), "\(imported.stdout)")
    let a = try sandbox.json("demo.json"), b = try sandbox.json("copia.json")
    func list(_ root: [String: Any], _ key: String) -> [[String: Any]] { root[key] as? [[String: Any]] ?? [] }
    func same(_ x: Any?, _ y: Any?) -> Bool {
      guard let x, let y else { return (x == nil || x is NSNull) && (y == nil || y is NSNull) }
      func canonical(_ v: Any) -> String {
        (try? JSONSerialization.data(withJSONObject: ["v": v], options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "?"
      }
      return canonical(x) == canonical(y)
    }
    let usedComponents = Set(list(a, "initiatives").compactMap { $0["component"] as? String })
    // Initiatives: every field, milestones included.
    #expect(list(a, "initiatives").count == list(b, "initiatives").count)
    for (x, y) in zip(list(a, "initiatives"), list(b, "initiatives")) {
      for key in ["id", "name", "component", "horizon", "quickWin", "responsible", "start", "end", "weight", "actualProgress", "notes", "milestones"] {
        #expect(same(x[key], y[key]), "\(x["id"] ?? "?").\(key): \(x[key] ?? "nil") ≠ \(y[key] ?? "nil")")
      }
    }
    // Components that have initiatives: name, dates, phases.
    let bComponents = Dictionary(uniqueKeysWithValues: list(b, "components").compactMap { c in (c["id"] as? String).map { ($0, c) } })
    for x in list(a, "components") where usedComponents.contains(x["id"] as? String ?? "") {
      let y = bComponents[x["id"] as? String ?? ""]
      for key in ["name", "start", "end", "phases"] {
        #expect(same(x[key], y?[key]), "\(x["id"] ?? "?").\(key)")
      }
    }
    // Imperatives with members: weight, and each member's ponderación.
    let bImperatives = Dictionary(uniqueKeysWithValues: list(b, "imperatives").compactMap { i in (i["id"] as? String).map { ($0, i) } })
    for x in list(a, "imperatives") where !((x["components"] as? [Any])?.isEmpty ?? true) {
      let y = bImperatives[x["id"] as? String ?? ""]
      #expect(same(x["weight"] ?? 1, y?["weight"] ?? 1), "\(x["id"] ?? "?").weight")
      #expect(same(x["components"], y?["components"]), "\(x["id"] ?? "?").components")
    }
    // The report is the same, to the digit.
    let reportA = try sandbox.run("report", "--detail", "--format", "csv")
    let reportB = try sandbox.run("report", "--detail", "--format", "csv", "--file", sandbox.path("copia.json"))
    // (An imperative with no components has no row to travel in: the documented loss.)
    let empty = Set(list(a, "imperatives").filter { ($0["components"] as? [Any])?.isEmpty ?? true }.compactMap { $0["id"] as? String })
    #expect(!empty.isEmpty)
    func rows(_ text: String) -> [[String: String]] {
      CSVText.records(text).filter { !empty.contains($0["imperativo"] ?? "") && $0["tipo"] != "portafolio" }
    }
    #expect(rows(reportA.stdout) == rows(reportB.stdout))
    #expect(CSVText.records(reportA.stdout).last?["desviacion"] == CSVText.records(reportB.stdout).last?["desviacion"])
  }

  @Test func plainCSVCarriesTheWholePortfolio() throws { try roundTrip(excel: false) }
  @Test func excelCSVReadsBackLosslessly() throws { try roundTrip(excel: true) }

  @Test func aBadMilestoneCellIsNamed() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("hitos.csv", "componente,id,nombre,inicio,fin,hitos\nACMI,ACMI-90,X,01/01/2013,31/12/2013,\"31/03/2013 | - | 1 | Bien\n31/02/2013 | - | 1 | Mal\"\n")
    let result = try sandbox.run("import", sandbox.path("hitos.csv"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("fila 2, columna hitos: hito 2: fecha no válida \"31/02/2013\""), "\(result.stderr)")
  }
}
