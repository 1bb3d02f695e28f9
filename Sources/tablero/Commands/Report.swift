import ArgumentParser
import TableroCore

extension ReportFormat: ExpressibleByArgument {}

/// A status filter as typed: red, yellow, green, none (no iniciado), empty (sin componentes);
/// Spanish words work too.
struct StatusFilter: ExpressibleByArgument {
  var levels: Set<StatusLevel>
  init?(argument: String) {
    var levels = Set<StatusLevel>()
    for word in argument.lowercased().split(separator: ",") {
      switch word {
      case "red", "rojo": levels.insert(.majorDeviation)
      case "yellow", "amarillo": levels.insert(.minorDeviation)
      case "green", "verde": levels.insert(.onTrack)
      case "none", "no-iniciado", "gris", "grey", "gray": levels.insert(.notStarted)
      case "empty", "sin-componentes": levels.insert(.noComponents)
      default: return nil
      }
    }
    if levels.isEmpty { return nil }
    self.levels = levels
  }
  static var defaultCompletionKind: CompletionKind { .list(["red", "yellow", "green", "none", "empty"]) }
}

/// A date as typed on the command line.
struct DateArgument: ExpressibleByArgument {
  var day: Day
  init?(argument: String) {
    guard let day = Day(userText: argument) else { return nil }
    self.day = day
  }
}

extension Tablero {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Imprime el Tablero de Control (Cuadro 9).",
      discussion: """
        Ejemplo: tablero report --status red --detail --format markdown
        Con --compare FECHA, después del cuadro se listan los elementos que cambiaron de estado entre esa fecha y la \
        del reporte (el avance real pasado sale de <archivo>.historial.jsonl si existe; si no, se usa el actual).
        --format html escribe el documento HTML autocontenido de `tablero export --format html` (el resumen; \
        con --detail, también las iniciativas y las curvas de avance).
        """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Fecha del reporte (DD/MM/AAAA o AAAA-MM-DD); por omisión la del archivo.")
    var date: DateArgument?

    @Option(help: "Formato: text, markdown, csv, json o html.")
    var format: ReportFormat = .text

    @Option(help: "Compara con el estado en esta fecha (DD/MM/AAAA o AAAA-MM-DD): cambios de estado.")
    var compare: DateArgument?

    @Flag(help: "Incluye las iniciativas de cada componente.")
    var detail = false

    @Option(help: "Solo estos estados: red, yellow, green, none, empty (separados por comas).")
    var status: StatusFilter?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      var portfolio = try file.load().portfolio
      if let date { portfolio.reportDate = date.day }
      let status = StatusEngine().evaluate(portfolio)
      let dashboard = Dashboard(portfolio, status: status, detail: detail, levels: self.status?.levels)
      var formatter = ReportFormatter(
        language: file.language, useColor: format == .text && Environment.stdoutWantsColor)
      formatter.detail = detail
      let history = compare != nil || format == .html || detail ? ReportExtras.history(for: file.path) : ProgressHistory()
      formatter.history = history
      if detail, format != .html {
        formatter.forecasts = ReportExtras.forecasts(portfolio, status: status, rows: dashboard.rows, history: history)
      }
      let comparison = compare.map {
        ReportExtras.comparison(portfolio, with: $0.day, history: history, detail: detail, levels: self.status?.levels)
      }
      // Printed piece by piece as the formatter makes it: at 100 000 rows the report is never
      // held whole (ReportFormatter.write says why a piece can be made safe on its own).
      let format = format
      let useColor = formatter.useColor
      formatter.write(
        portfolio, status: status, dashboard: dashboard, as: format, comparison: comparison,
        actualSeries: format == .html ? history.actualSeries(portfolio) : [:]
      ) { piece in
        switch format {
        case .text where useColor: Console.raw(piece)  // data made safe by the formatter
        case .text, .markdown: print(piece, terminator: "")
        case .csv, .json, .html: Console.data(piece)
        }
      }
    }
  }
}
