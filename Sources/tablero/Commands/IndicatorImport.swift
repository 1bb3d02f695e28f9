import ArgumentParser
import TableroCore

extension Tablero {
  /// `tablero import-indicadores F.csv`: indicators, or their measurements, from a CSV.
  struct ImportIndicators: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-indicadores",
      abstract: "Agrega o actualiza indicadores, o registra sus mediciones, desde un CSV (docs/CSV.md, «Indicadores»).",
      discussion: """
        Con columna «fecha», cada fila es una medición (indicador, fecha, valor, nota, registro); si no, cada \
        fila es un indicador (id, pertenece_a, nombre, unidad, …). Si alguna fila tiene un error no se escribe nada.
        Ejemplos: tablero import-indicadores indicadores.csv
                  tablero import-indicadores mediciones.csv
        """,
      aliases: ["import-indicators"])

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Archivo CSV: UTF-8, UTF-16 con BOM o Windows-1252; separador coma, punto y coma o tabulador.")
    var csv: String

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let bytes: [UInt8]
      do { bytes = try TextFile.read(csv) } catch { throw file.fail(error) }
      let session = try file.openForWriting()
      defer { session.close() }
      let imported: IndicatorCSV.ImportResult
      do {
        imported = try IndicatorCSV.importFile(bytes, into: session.baseline, by: file.identity.user, language: l)
      } catch {
        for line in error.describe(l, file: csv) { Environment.printError(line) }
        throw Exit.dataError
      }
      let issues = PortfolioValidator.validate(imported.portfolio)
      if issues.contains(where: { $0.severity == .error }) {
        Environment.printError(StoreError.invalid(path: file.path, issues: issues).describe(l))
        throw Exit.dataError
      }
      try file.save(imported.portfolio, in: session)
      let delimiter = InitiativeCSV.ImportError.name(imported.delimiter, l)
      print(l.pick(
        "\(csv): leído como \(imported.encoding.label(l)), separador \(delimiter)",
        "\(csv): read as \(imported.encoding.label(l)), separator \(delimiter)"))
      for warning in imported.warnings { Environment.printError(warning) }
      let s = imported.summary
      switch imported.layout {
      case .indicators:
        print(l.pick(
          "\(file.path): \(s.added.count) indicadores agregados, \(s.updated.count) actualizados",
          "\(file.path): \(s.added.count) indicators added, \(s.updated.count) updated"))
      case .measurements:
        print(l.pick(
          "\(file.path): \(s.measurements) mediciones registradas", "\(file.path): \(s.measurements) measurements recorded"))
      }
    }
  }
}
