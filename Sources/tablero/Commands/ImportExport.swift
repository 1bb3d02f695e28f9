import ArgumentParser
import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

extension Tablero {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Agrega o actualiza iniciativas desde un CSV (columnas en docs/CSV.md).",
      discussion: "Ejemplo: tablero import iniciativas.csv   |   tablero import plan.csv --new \"Programa IMSS\" --file imss.json")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Archivo CSV: UTF-8, UTF-16 con BOM o Windows-1252; separador coma, punto y coma o tabulador.")
    var csv: String

    @Option(help: "Crea un portafolio nuevo con este nombre en vez de actualizar el existente.")
    var new: String?

    @Option(help: "Fecha del reporte del portafolio nuevo (con --new).")
    var reportDate: DateArgument?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let bytes: [UInt8]
      do { bytes = try TextFile.read(csv) } catch { throw file.fail(error) }
      let base: Portfolio
      var session: PortfolioSession?
      defer { session?.close() }
      if let new {
        if PortfolioStore.exists(file.path) {
          // `import` has no --force: point at the options that do work.
          Environment.printError(l.pick(
            "\(file.path): ya existe; --new no reemplaza un portafolio. Para agregar estas iniciativas a él: tablero import \(csv) --file \(file.path) (sin --new); para crear otro, indique un archivo nuevo con --file",
            "\(file.path): already exists; --new does not replace a portfolio. To add these initiatives to it: tablero import \(csv) --file \(file.path) (without --new); to create another, give a new file with --file"))
          throw Exit.ioError
        }
        base = Portfolio(name: new, reportDate: reportDate?.day ?? Today.day)
      } else {
        let opened = try file.openForWriting()
        session = opened
        base = opened.baseline
      }
      let imported: InitiativeCSV.ImportResult
      do {
        imported = try InitiativeCSV.importFile(bytes, into: base, language: l)
      } catch {
        for line in error.describe(l, file: csv) { Environment.printError(line) }
        throw Exit.dataError
      }
      let result = (imported.portfolio, imported.summary)
      let issues = PortfolioValidator.validate(result.0)
      if issues.contains(where: { $0.severity == .error }) {
        Environment.printError(StoreError.invalid(path: file.path, issues: issues).describe(l))
        throw Exit.dataError
      }
      if new != nil {
        do { try PortfolioStore.create(result.0, at: file.path, force: false) } catch { throw file.fail(error) }
      } else if let session {
        try file.save(result.0, in: session)
      }
      let s = result.1
      let delimiter = InitiativeCSV.ImportError.name(imported.delimiter, l)
      print(l.pick(
        "\(csv): leído como \(imported.encoding.label(l)), separador \(delimiter)",
        "\(csv): read as \(imported.encoding.label(l)), separator \(delimiter)"))
      for warning in imported.warnings { Environment.printError(warning) }
      print(l.pick(
        "\(file.path): \(s.added.count) iniciativas agregadas, \(s.updated.count) actualizadas, \(s.createdComponents.count) componentes y \(s.createdImperatives.count) imperativos nuevos",
        "\(file.path): \(s.added.count) initiatives added, \(s.updated.count) updated, \(s.createdComponents.count) new components and \(s.createdImperatives.count) new imperatives"))
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Exporta las iniciativas (csv), el Cuadro 9 con detalle (markdown, json, text) o el informe html.",
      discussion: """
        Ejemplos: tablero export --format csv --output iniciativas.csv
                  tablero export --format html informe.html
                  tablero export --format html --detail informe-completo.html
        html: un solo archivo autocontenido (sin recursos de red) e imprimible. Por omisión, el resumen: \
        el Cuadro 9 (imperativos, componentes, subtotales y total del portafolio) en colores y símbolos, \
        los elementos en rojo y por qué, y el Cuadro 8. Con --detail, además las iniciativas de cada \
        componente y las curvas de avance en SVG.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "csv (una fila por iniciativa, importable), markdown, json, text o html.")
    var format: ReportFormat = .csv

    @Flag(help: "Con --format csv: para Excel en español (UTF-8 con BOM, separador «;», coma decimal, CRLF).")
    var excel = false

    @Flag(help: "Con --format html: el informe completo (iniciativas y curvas de avance); markdown, json y text siempre lo llevan.")
    var detail = false

    @Option(name: .shortAndLong, help: "Archivo de salida (por omisión, la salida estándar).")
    var output: String?

    @Argument(help: "Archivo de salida (como --output).")
    var destination: String?

    mutating func validate() throws {
      if let destination, let output, destination != output {
        throw ValidationError("Indique el archivo de salida una sola vez (argumento o --output).")
      }
      if output == nil { output = destination }
      if excel, format != .csv { throw ValidationError("--excel solo se usa con --format csv.") }
      if detail, format == .csv { throw ValidationError("--detail no se usa con --format csv: el CSV ya tiene una fila por iniciativa.") }
    }

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let portfolio = try file.load().portfolio
      var text: String
      if format == .csv {
        text = InitiativeCSV.export(portfolio, style: excel ? .excel : .plain)
      } else {
        let status = StatusEngine().evaluate(portfolio)
        // The HTML is read by people: the summary unless --detail asks for everything.
        let full = format != .html || detail
        let dashboard = Dashboard(portfolio, status: status, detail: full)
        let history = format == .html ? ReportExtras.history(for: file.path) : ProgressHistory()
        let series = format == .html && full ? history.actualSeries(portfolio) : [:]
        var formatter = ReportFormatter(language: file.language)
        formatter.detail = full
        formatter.history = history
        text = formatter.render(
          portfolio, status: status, dashboard: dashboard, as: format, comparison: nil, actualSeries: series)
      }
      // A report for people never carries control characters, on screen or in a file.
      if format == .markdown || format == .text { text = TerminalText.sanitized(text) }
      guard let output else {
        if format == .markdown || format == .text { print(text, terminator: "") } else { Console.data(text) }
        return
      }
      do { try TextFile.write(Array(text.utf8), to: output) } catch { throw file.fail(error) }
      print(file.language.pick("Exportado a \(output)", "Exported to \(output)"))
    }
  }
}
