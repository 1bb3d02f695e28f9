import ArgumentParser
import TableroCore

extension Tablero {
  struct SetDate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set-date",
      abstract: "Cambia la fecha del reporte (DD/MM/AAAA o AAAA-MM-DD).",
      discussion: "Ejemplo: tablero set-date 30/06/2013")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Nueva fecha del reporte.")
    var date: DateArgument

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let session = try file.openForWriting()
      defer { session.close() }
      var portfolio = session.baseline
      let change = portfolio.setReportDate(date.day)
      try file.save(portfolio, in: session)
      let old = Day(iso: change.oldValue)?.display ?? change.oldValue
      print(file.language.pick("Fecha del reporte: \(old) → \(date.day.display)", "Report date: \(old) → \(date.day.display)"))
    }
  }
}
