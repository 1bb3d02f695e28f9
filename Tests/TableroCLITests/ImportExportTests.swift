import Foundation
import Testing

@Suite("import and export")
struct ImportExportTests {
  static let compared = [
    "id", "name", "component", "horizon", "quickWin", "responsible", "start", "end", "weight", "actualProgress",
    "notes",
  ]

  @Test func exportThenImportIntoANewPortfolioRoundTrips() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    // A note with a comma, quotes and (after the earlier note) a line break.
    let note = "Revisión con el IMSS, el ISSSTE y \"PEMEX\"; sin cambios"
    #expect(try sandbox.run("set-progress", "ACMI-04", "45", "--note", note).status == 0)

    let export = try sandbox.run("export", "--format", "csv", "--output", sandbox.path("iniciativas.csv"))
    #expect(export.status == 0, "\(export.stderr)")
    let csv = String(decoding: try sandbox.bytes("iniciativas.csv"), as: UTF8.self)
    #expect(csv.hasPrefix("imperativo,nombre_imperativo,componente,nombre_componente,id,nombre,plazo,impacto_rapido,responsable,inicio,fin,ponderacion,avance,notas,"))
    #expect(csv.components(separatedBy: "\r\n")[0].hasSuffix(",hitos,otros_imperativos"), "then the whole-portfolio columns")
    #expect(csv.contains("\"\"PEMEX\"\""), "quotes are doubled inside a quoted field")

    let result = try sandbox.run(
      "import", sandbox.path("iniciativas.csv"), "--new", "Copia del demo", "--report-date", "30/06/2013",
      "--file", sandbox.path("copia.json"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("86 iniciativas agregadas"), "\(result.stdout)")

    let original = try #require(try sandbox.json("demo.json")["initiatives"] as? [[String: Any]])
    let copy = try #require(try sandbox.json("copia.json")["initiatives"] as? [[String: Any]])
    #expect(copy.count == original.count)
    for (a, b) in zip(original, copy) {
      for key in Self.compared {
        let left = a[key].map { "\($0)" } ?? ""
        let right = b[key].map { "\($0)" } ?? ""
        #expect(left == right, "\(a["id"] ?? "?").\(key): \(left) ≠ \(right)")
      }
    }
    let acmi04 = try #require(copy.first { $0["id"] as? String == "ACMI-04" })
    #expect((acmi04["notes"] as? String)?.hasSuffix(note) == true)
    #expect((acmi04["name"] as? String)?.contains("adquisición") == true)
    #expect(try sandbox.run("validate", sandbox.path("copia.json")).status == 0)

    // --new refuses an existing file.
    let twice = try sandbox.run(
      "import", sandbox.path("iniciativas.csv"), "--new", "Otra", "--file", sandbox.path("copia.json"))
    #expect(twice.status == 74)
  }

  @Test func importUpdatesByIDAndAdds() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("cambios.csv", """
      componente,id,nombre,inicio,fin,avance,plazo,impacto_rapido,notas\r
      ACMI,ACMI-04,"Definir lineamientos, versión 2",2011-10-01,30/11/2012,"72,5%",corto,sí,"Nota con ""comillas"", y coma"\r
      NUEVO,NUEVO-01,Iniciativa nueva en un componente nuevo,01/01/2014,31/12/2015,40.5,mediano,no,\r

      """)
    let result = try sandbox.run("import", sandbox.path("cambios.csv"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1 iniciativas agregadas, 1 actualizadas, 1 componentes"), "\(result.stdout)")
    let root = try sandbox.json("demo.json")
    let updated = try #require(root.initiative("ACMI-04"))
    #expect(updated["name"] as? String == "Definir lineamientos, versión 2")
    #expect(updated["actualProgress"] as? Double == 72.5)
    #expect(updated["quickWin"] as? Bool == true)
    #expect(updated["notes"] as? String == "Nota con \"comillas\", y coma")
    let added = try #require(root.initiative("NUEVO-01"))
    #expect(added["horizon"] as? String == "medium")
    #expect(added["start"] as? String == "2014-01-01")
    #expect(added["actualProgress"] as? Double == 40.5)
    let components = try #require(root["components"] as? [[String: Any]])
    #expect(components.contains { $0["id"] as? String == "NUEVO" })
  }

  @Test func badRowsAreAllListedAndNothingChanges() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    try sandbox.write("malo.csv", """
      componente,id,nombre,inicio,fin,avance
      ACMI,ACMI-04,Cambio válido que no debe aplicarse,01/10/2011,30/11/2012,90
      ACMI,ACMI-90,Fecha imposible,31/02/2013,31/12/2013,10
      ACMI,ACMI-91,Avance excesivo,01/01/2013,31/12/2013,120
      ACMI,ACMI-92,Falta la columna fin,01/01/2013

      """)
    let result = try sandbox.run("import", sandbox.path("malo.csv"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("no se importó nada"), "\(result.stderr)")
    #expect(result.stderr.contains("fila 3, columna inicio"), "\(result.stderr)")
    #expect(result.stderr.contains("fila 4, columna avance"), "\(result.stderr)")
    #expect(result.stderr.contains("fila 5, columna fin"), "\(result.stderr)")
    #expect(!result.stderr.contains("fila 2"), "the good row is not a problem")
    #expect(try sandbox.bytes("demo.json") == before, "all or nothing: byte-identical")

    try sandbox.write("sin-fin.csv", "componente,id,nombre,inicio\nACMI,ACMI-93,Sin fin,01/01/2013\n")
    let missing = try sandbox.run("import", sandbox.path("sin-fin.csv"))
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("faltan columnas: fin"), "\(missing.stderr)")
    #expect(try sandbox.bytes("demo.json") == before)

    let english = try sandbox.run("import", sandbox.path("malo.csv"), "--lang", "en")
    #expect(english.stderr.contains("row 3, column inicio"), "\(english.stderr)")
  }

  @Test func exportMarkdownAndJSONToStdout() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let markdown = try sandbox.run("export", "--format", "markdown")
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("↳ ACMI-04"), "export includes the initiatives")
    let json = try sandbox.run("export", "--format", "json")
    #expect(json.status == 0)
    #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
  }
}
