import ArgumentParser
import TableroCore

extension Tablero {
  /// `tablero indicadores`: the indicators with their status.
  struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "indicadores",
      abstract: "Lista los indicadores de beneficio con línea base, meta, último valor y estado.",
      discussion: """
        Ejemplo: tablero indicadores --format json. La regla de estado está en docs/STATUS.md §9.
        --format csv escribe lo que lee import-indicadores (docs/CSV.md): una fila por indicador,
        o por medición con --mediciones.
        """,
      aliases: ["indicators"])

    @OptionGroup var options: GlobalOptions
    @Option(help: "text, markdown, csv o json.") var format: IndicatorListFormat = .text
    @Option(name: [.customLong("de"), .customLong("owner")], help: "Solo los de este imperativo o componente.")
    var owner: String?
    @Flag(
      name: [.customLong("mediciones"), .customLong("measurements")],
      help: "Con --format csv: una fila por medición (si no, una por indicador); ambos se importan con import-indicadores.")
    var measurements = false

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let portfolio = try file.load().portfolio
      if let owner, portfolio.imperativeIndex(owner) == nil, portfolio.componentIndex(owner) == nil {
        Environment.printError(
          file.language.pick("no existe el imperativo o componente \"\(owner)\"", "there is no imperative or component \"\(owner)\""))
        throw Exit.usage
      }
      if measurements, format != .csv {
        Environment.printError(file.language.pick("--mediciones va con --format csv", "--mediciones goes with --format csv"))
        throw Exit.usage
      }
      if format == .csv {
        // The layouts import-indicadores reads (docs/CSV.md), in file order.
        let chosen = portfolio.indicators.filter { owner == nil || $0.ownerID == owner }
        print(measurements ? IndicatorCSV.exportMeasurements(chosen) : IndicatorCSV.exportIndicators(chosen), terminator: "")
        return
      }
      print(IndicatorReport(portfolio, owner: owner).render(format.reportFormat, language: file.language), terminator: "")
    }
  }

  /// `tablero indicador medir ID FECHA VALOR`.
  struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "indicador",
      abstract: "Registra mediciones de un indicador.",
      subcommands: [Measure.self],
      aliases: ["indicator"])
  }
}

enum IndicatorListFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, csv, json
  var reportFormat: ReportFormat {
    switch self {
    case .text: .text
    case .markdown: .markdown
    case .csv: .csv
    case .json: .json
    }
  }
}

extension Tablero.IndicatorCommand {
  struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "medir",
      abstract: "Registra una medición (fecha, valor, nota); la de la misma fecha se reemplaza.",
      discussion: """
        Ejemplos: tablero indicador medir 1.1 31/12/2012 63.5 --nota "Cierre anual"
                  tablero indicador medir 1.1 31/12/2012 N.D. --nota "Sin encuesta este año"
        """,
      aliases: ["measure"])

    @OptionGroup var options: GlobalOptions
    @Argument(help: "Id del indicador (1.1).") var id: String
    @Argument(help: "Fecha de la medición (DD/MM/AAAA o AAAA-MM-DD).") var date: DateArgument
    @Argument(help: "Valor (63.5 o 63,5), o el motivo de que no haya (N.D., N.A.).") var value: String
    @Option(name: [.customLong("nota"), .customLong("note")], help: "Nota de la medición.") var note: String = ""

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      guard let parsed = MeasurementValue(value) else {
        Environment.printError(
          l.pick(
            "\"\(value)\" no es un valor (use 63.5 o 63,5) ni un motivo de ausencia (N.D., N.A.)",
            "\"\(value)\" is not a value (use 63.5) nor a reason for its absence (N.D., N.A.)"))
        throw Exit.usage
      }
      let session = try file.openForWriting()
      defer { session.close() }
      var portfolio = session.baseline
      let measurement = Measurement(day: date.day, value: parsed.value, reason: parsed.reason, note: note, by: file.identity.user)
      let change: Change
      do { change = try portfolio.recordMeasurement(measurement, of: id) } catch {
        Environment.printError("\(id): " + error.message(l))
        throw Exit.dataError
      }
      try file.save(portfolio, in: session)
      var line = "\(id): " + (change.oldValue.isEmpty ? "" : change.oldValue + " → ") + change.newValue
      if let x = portfolio.indicators.first(where: { $0.id == id }) {
        let s = IndicatorEvaluator.evaluate(x, at: portfolio.reportDate, tolerance: portfolio.tolerance)
        line += " · " + s.glyph + " " + s.label(l, tolerance: portfolio.tolerance)
        if date.day > portfolio.reportDate {
          line += l.pick(
            " (la fecha es posterior a la del reporte \(portfolio.reportDate.display): aún no cuenta)",
            " (the date is after the report date \(portfolio.reportDate.display): it does not count yet)")
        }
      }
      print(line)
    }
  }
}
