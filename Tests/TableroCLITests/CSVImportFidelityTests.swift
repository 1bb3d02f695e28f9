import Foundation
import Testing

/// docs/CSV.md: what a spreadsheet writes is read as written, or refused with a clear
/// message naming row and column. The encodings come from real files in Fixtures/.
@Suite("CSV import: encodings, separators, errors")
struct CSVImportFidelityTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// Imports a fixture into a fresh demo; returns the run and the saved file.
  func importFixture(_ name: String, _ extra: String...) throws -> (TableroProcess.Result, Sandbox) {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let result = try sandbox.run(arguments: ["import", Self.fixture(name)] + extra)
    return (result, sandbox)
  }

  @Test(arguments: [
    ("excel-windows1252-coma.csv", "Windows-1252", "coma"),
    ("excel-windows1252-puntoycoma.csv", "Windows-1252", "punto y coma"),
    ("utf8-bom-puntoycoma.csv", "UTF-8 con BOM", "punto y coma"),
    ("utf16le-bom-tabulador.csv", "UTF-16 LE", "tabulador"),
    ("utf16be-bom-coma.csv", "UTF-16 BE", "coma"),
  ])
  func everyEncodingAndSeparatorReadsTheSameText(file: String, encoding: String, separator: String) throws {
    let (result, sandbox) = try importFixture(file)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("leído como \(encoding), separador \(separator)"), "\(result.stdout)")
    let saved = String(decoding: try sandbox.bytes("demo.json"), as: UTF8.self)
    #expect(!saved.contains("\u{FFFD}"), "no replacement character that was not in the source")
    let root = try sandbox.json("demo.json")
    let a = try #require(root.initiative("ACMI-80"))
    #expect(a["name"] as? String == "Acción de compra coordinada")
    #expect(a["responsible"] as? String == "Comisión Coordinadora")
    #expect(a["notes"] as? String == "Revisión del año; “urgente” – 5 € por pieza")
    #expect(a["actualProgress"] as? Double == 40.5)
    #expect(root.initiative("ACMI-81")?["name"] as? String == "Señalización en almacenes")
  }

  @Test func utf16WithoutBOMAndAnEmptyFileAreRefusedInTheUsersLanguage() throws {
    let (noBOM, sandbox) = try importFixture("utf16le-sin-bom.csv")
    let before = try sandbox.bytes("demo.json")
    #expect(noBOM.status == 65)
    #expect(noBOM.stderr.contains("UTF-16 sin marca de orden de bytes (BOM)"), "\(noBOM.stderr)")
    let empty = try sandbox.run("import", Self.fixture("vacio.csv"))
    #expect(empty.status == 65)
    #expect(empty.stderr.contains("el archivo está vacío"), "\(empty.stderr)")
    let english = try sandbox.run("import", Self.fixture("vacio.csv"), "--lang", "en")
    #expect(english.stderr.contains("the file is empty"), "\(english.stderr)")
    #expect(!english.stderr.contains("cannotReadHeaderRow"))
    try sandbox.write("blanco.csv", "\r\n  \r\n")
    #expect(try sandbox.run("import", sandbox.path("blanco.csv")).stderr.contains("el archivo está vacío"))
    #expect(try sandbox.bytes("demo.json") == before)
  }

  @Test func aMissingHeaderIsNamedAsSuch() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("sin-encabezado.csv", "ACMI,ACMI-90,Sin encabezado,01/01/2013,31/12/2013\n")
    let result = try sandbox.run("import", sandbox.path("sin-encabezado.csv"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("fila 1: falta la fila de encabezados"), "\(result.stderr)")
    #expect(result.stderr.contains("«ACMI-90»"), "\(result.stderr)")
  }

  @Test func aHeaderThatDoesNotMatchListsFoundAndMissingColumnsAndHintsTheSeparator() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    // A pipe-separated sheet: no separator Tablero knows splits it.
    try sandbox.write("tubo.csv", "componente|id|nombre|inicio|fin\nACMI|ACMI-90|X|01/01/2013|31/12/2013\n")
    let piped = try sandbox.run("import", sandbox.path("tubo.csv"))
    #expect(piped.status == 65)
    #expect(piped.stderr.contains("falta la fila de encabezados") || piped.stderr.contains("faltan columnas"), "\(piped.stderr)")
    // A semicolon sheet with a typo: the separator is found, the columns are listed.
    try sandbox.write("errata.csv", "componente;id;nombre;inicio;final\nACMI;ACMI-90;X;01/01/2013;31/12/2013\n")
    let typo = try sandbox.run("import", sandbox.path("errata.csv"))
    #expect(typo.status == 65)
    #expect(typo.stderr.contains("faltan columnas: fin"), "\(typo.stderr)")
    #expect(typo.stderr.contains("columnas encontradas (separador punto y coma «;»): componente, id, nombre, inicio, final"), "\(typo.stderr)")
  }

  @Test func anUnterminatedQuoteNamesItsRowAndColumn() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    try sandbox.write("comilla.csv", """
      componente,id,nombre,inicio,fin,notas
      ACMI,ACMI-90,Bien,01/01/2013,31/12/2013,ok
      ACMI,ACMI-91,Mal,01/01/2013,31/12/2013,"nota sin cerrar
      ACMI,ACMI-92,Otra,01/01/2013,31/12/2013,x

      """)
    let result = try sandbox.run("import", sandbox.path("comilla.csv"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("fila 3, columna notas: comilla sin cerrar"), "\(result.stderr)")
    #expect(!result.stderr.contains("fecha"), "not a misleading date error: \(result.stderr)")
    let english = try sandbox.run("import", sandbox.path("comilla.csv"), "--lang", "en")
    #expect(english.stderr.contains("row 3, column notas: unterminated quote"), "\(english.stderr)")
    #expect(try sandbox.bytes("demo.json") == before)
  }

  @Test func duplicateIDsNameBothRows() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("repetido.csv", """
      componente,id,nombre,inicio,fin,avance
      ACMI,ACMI-90,Primera,01/01/2013,31/12/2013,10
      ACMI,ACMI-91,Otra,01/01/2013,31/12/2013,10
      ACMI,ACMI-90,Segunda con el mismo id,01/01/2013,31/12/2013,90

      """)
    let result = try sandbox.run("import", sandbox.path("repetido.csv"))
    #expect(result.status == 65)
    #expect(result.stderr.contains("fila 4, columna id: el id \"ACMI-90\" está repetido: ya aparece en la fila 2"), "\(result.stderr)")
    #expect(try sandbox.json("demo.json").initiative("ACMI-90") == nil, "nothing imported")
  }

  @Test func everyProblemOfARowIsReported() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("varios.csv", """
      componente,id,nombre,inicio,fin,avance,plazo
      ACMI,id con espacios,,31/02/2013,mañana,150,largo

      """)
    let result = try sandbox.run("import", sandbox.path("varios.csv"))
    #expect(result.status == 65)
    for column in ["id", "nombre", "inicio", "fin", "avance", "plazo"] {
      #expect(result.stderr.contains("fila 2, columna \(column):"), "\(column) missing in \(result.stderr)")
    }
  }

  @Test func aSheetWithoutImperativesWarnsAndSaysHowToAttachThem() throws {
    let sandbox = try Sandbox(file: "nuevo.json")
    try sandbox.write("sin-imperativo.csv", """
      componente,id,nombre,inicio,fin,avance
      NUEVO,NUEVO-01,Primera,01/01/2013,31/12/2013,10

      """)
    let result = try sandbox.run("import", sandbox.path("sin-imperativo.csv"), "--new", "Prueba", "--report-date", "30/06/2013")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("aviso: 1 componentes nuevos no pertenecen a ningún imperativo (NUEVO)"), "\(result.stderr)")
    #expect(result.stderr.contains("el archivo no tiene la columna imperativo"), "\(result.stderr)")
    #expect(result.stderr.contains("agregue la columna «imperativo»"), "\(result.stderr)")
    // Following the advice works: the same sheet with the column attaches the component.
    try sandbox.write("con-imperativo.csv", """
      imperativo,componente,id,nombre,inicio,fin,avance
      IMP,NUEVO,NUEVO-01,Primera,01/01/2013,31/12/2013,10

      """)
    let again = try sandbox.run("import", sandbox.path("con-imperativo.csv"))
    #expect(again.status == 0, "\(again.stderr)")
    #expect(!again.stderr.contains("aviso"), "\(again.stderr)")
    #expect(again.stdout.contains("0 iniciativas agregadas, 1 actualizadas"), "\(again.stdout)")
    let report = try sandbox.run("report")
    #expect(report.stdout.contains("NUEVO"), "\(report.stdout)")
  }

  @Test func importNewOntoAnExistingFileSuggestsAnOptionThatWorks() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let result = try sandbox.run("import", Self.fixture("utf8-bom-puntoycoma.csv"), "--new", "Otro")
    #expect(result.status == 74)
    #expect(!result.stderr.contains("--force"), "import has no --force: \(result.stderr)")
    #expect(result.stderr.contains("(sin --new)"), "\(result.stderr)")
    // The suggested command works.
    let suggested = try sandbox.run("import", Self.fixture("utf8-bom-puntoycoma.csv"), "--file", sandbox.path("demo.json"))
    #expect(suggested.status == 0, "\(suggested.stderr)")
  }
}
