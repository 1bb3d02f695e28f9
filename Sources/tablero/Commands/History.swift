import ArgumentParser
import TableroCore
import TableroJSON

enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

extension Tablero {
  /// `tablero history [ID] [--since DATE] [--format text|json]`
  struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Muestra el historial de cambios guardados (quién, cuándo, qué: valor anterior → nuevo, nota).",
      discussion: """
        Se lee de <archivo>.historial.jsonl, que cada guardado amplía. \
        Ejemplo: tablero history ACMI-04 --since 01/06/2013
        """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Solo los cambios de este id (iniciativa, componente o imperativo).")
    var id: String?

    @Option(help: "Solo desde esta fecha (DD/MM/AAAA o AAAA-MM-DD, hora local).")
    var since: DateArgument?

    @Option(help: "text (una línea por cambio) o json.")
    var format: HistoryFormat = .text

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let historyPath = History.path(for: file.path)
      let contents: History.Contents
      do {
        contents = try History.read(historyPath, id: id, since: since?.day)
      } catch {
        throw file.fail(error)
      }
      if !contents.skippedLines.isEmpty {
        Environment.printError(l.pick(
          "\(historyPath): se omitieron líneas ilegibles: \(contents.skippedLines.map(String.init).joined(separator: ", "))",
          "\(historyPath): unreadable lines skipped: \(contents.skippedLines.map(String.init).joined(separator: ", "))"))
      }
      switch format {
      case .json:
        print(JSONWriter.write(.array(contents.records.map(\.json))), terminator: "")
      case .text:
        if contents.records.isEmpty {
          print(l.pick("Sin cambios registrados.", "No recorded changes."))
        }
        for record in contents.records { print(record.line(l)) }
      }
    }
  }
}
