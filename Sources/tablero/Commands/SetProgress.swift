import ArgumentParser
import TableroCore

extension Tablero {
  struct SetProgress: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set-progress",
      abstract: "Registra el avance real de una iniciativa (0–100), con una nota opcional.",
      discussion: "Ejemplo: tablero set-progress ACMI-04 55 --note \"Licitación publicada\"")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Id de la iniciativa (o de un componente sin iniciativas).")
    var id: String

    @Argument(help: "Avance real en porcentaje, 0–100 (se admite 55, 55.5 o 55%).")
    var percent: String

    @Option(help: "Nota que explica el cambio; se agrega a las notas con la fecha.")
    var note: String?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let cleaned = percent.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".")
      guard let value = Double(cleaned) else {
        Environment.printError(l.pick("\"\(percent)\" no es un porcentaje", "\"\(percent)\" is not a percentage"))
        throw Exit.usage
      }
      let session = try file.openForWriting()
      defer { session.close() }
      var portfolio = session.baseline
      let change: Change
      do {
        change = try portfolio.setProgress(of: id, to: value, note: note, on: Today.day)
      } catch {
        Environment.printError("\(id): " + error.message(l))
        throw Exit.dataError
      }
      try file.save(portfolio, in: session, notes: change.note.map { [id: [$0]] } ?? [:])
      let status = StatusEngine().evaluate(portfolio)
      var line = "\(id): \(change.oldValue)% → \(change.newValue)%"
      if let i = portfolio.initiativeIndex(id) {
        let s = status.initiatives[i]
        line += l.pick(" (esperado ", " (expected ") + Format.percent(s.expected) + ", "
          + s.level.glyph + " " + s.level.label(l, tolerance: portfolio.tolerance) + ")"
      }
      print(line)
    }
  }
}
