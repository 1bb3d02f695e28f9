import ArgumentParser
import TableroCore

extension Tablero {
  /// `tablero acuerdos`: the agreements of the meetings (list, add, note, close).
  struct Agreements: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "acuerdos",
      abstract: "Acuerdos de las reuniones: listar, agregar, anotar avance, concluir.",
      discussion: "Ejemplo: tablero acuerdos add \"Publicar la licitación\" --responsable Ana --vence 31/07/2013 --item ACMI-04",
      subcommands: [List.self, Add.self, Note.self, Close.self],
      defaultSubcommand: List.self,
      aliases: ["agreements"])
  }
}

extension Tablero.Agreements {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lista los acuerdos con su estado (Vencido cuando pasó la fecha).")

    @OptionGroup var options: GlobalOptions
    @Flag(name: [.customLong("mios"), .customLong("mine")], help: "Solo los de $USER (responsable o corresponsable).")
    var mine = false
    @Option(name: [.customLong("responsable"), .customLong("owner")], help: "Solo los de esta persona.")
    var person: String?
    @Flag(name: [.customLong("vencidos"), .customLong("overdue")], help: "Solo los vencidos.")
    var overdue = false
    @Flag(name: [.customLong("abiertos"), .customLong("open")], help: "Solo los no concluidos.")
    var open = false
    @Option(help: "Solo los de este imperativo, componente o iniciativa.")
    var item: String?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let portfolio = try file.load().portfolio
      let today = Today.day
      let who = mine ? file.identity.user : person
      let rows = AgreementFilter(person: who, overdueOnly: overdue, openOnly: open, itemID: item)
        .apply(portfolio.agreements, today: today)
      if rows.isEmpty {
        print(l.pick("Sin acuerdos con ese filtro.", "No agreements match."))
        return
      }
      for a in rows {
        let status = a.status(on: today)
        var line = "\(a.folio)  \(status.label(l).padding(toLength: 10, withPad: " ", startingAt: 0))  "
          + l.pick("vence ", "due ") + a.due.display + "  \(a.responsible.isEmpty ? "—" : a.responsible)"
        if !a.coResponsibles.isEmpty { line += " (+" + a.coResponsibles.joined(separator: ", ") + ")" }
        if let item = a.itemID { line += "  [\(item)]" }
        line += "\n    " + a.text
        for note in a.notes { line += "\n    · \(note.day.display): \(note.text)" }
        print(line)
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Registra un acuerdo con folio automático.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "Texto del acuerdo.") var text: String
    @Option(name: [.customLong("responsable"), .customLong("owner")], help: "Responsable.") var responsible: String
    @Option(name: [.customLong("corresponsable"), .customLong("co-owner")], help: "Corresponsable (se puede repetir).")
    var coResponsibles: [String] = []
    @Option(name: [.customLong("vence"), .customLong("due")], help: "Fecha compromiso (DD/MM/AAAA).") var due: DateArgument
    @Option(help: "Imperativo, componente o iniciativa al que se refiere.") var item: String?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let session = try file.openForWriting()
      defer { session.close() }
      var portfolio = session.baseline
      let folio = portfolio.nextAgreementFolio
      let agreement = Agreement(
        folio: folio, text: text, itemID: item, responsible: responsible, coResponsibles: coResponsibles,
        created: Today.day, due: due.day, meetingID: portfolio.openMeeting?.id)
      do { try portfolio.addAgreement(agreement) } catch {
        Environment.printError(error.message(l))
        throw Exit.dataError
      }
      try file.save(portfolio, in: session)
      print(l.pick("Acuerdo \(folio) registrado", "Agreement \(folio) recorded") + (agreement.meetingID.map { l.pick(" en la reunión ", " in meeting ") + $0 } ?? ""))
    }
  }

  struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Agrega una nota de avance fechada a un acuerdo.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Folio, p. ej. AC-001.") var folio: String
    @Argument(help: "Nota.") var text: String
    @Option(name: [.customLong("fecha"), .customLong("date")], help: "Fecha de la nota (por omisión, hoy).") var date: DateArgument?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let session = try file.openForWriting()
      defer { session.close() }
      var portfolio = session.baseline
      do { try portfolio.addAgreementNote(folio, note: AgreementNote(day: date?.day ?? Today.day, text: text)) } catch {
        Environment.printError("\(folio): " + error.message(file.language))
        throw Exit.dataError
      }
      try file.save(portfolio, in: session)
      print(file.language.pick("Nota agregada a \(folio)", "Note added to \(folio)"))
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Marca un acuerdo como concluido (--reabrir lo deshace).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Folio, p. ej. AC-001.") var folio: String
    @Option(name: [.customLong("fecha"), .customLong("date")], help: "Fecha de conclusión (por omisión, hoy).") var date: DateArgument?
    @Flag(name: [.customLong("reabrir"), .customLong("reopen")], help: "Reabre un acuerdo concluido.") var reopen = false

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let session = try file.openForWriting()
      defer { session.close() }
      var portfolio = session.baseline
      do { try portfolio.concludeAgreement(folio, on: reopen ? nil : (date?.day ?? Today.day)) } catch {
        Environment.printError("\(folio): " + error.message(file.language))
        throw Exit.dataError
      }
      try file.save(portfolio, in: session)
      print(reopen ? file.language.pick("\(folio) reabierto", "\(folio) reopened") : file.language.pick("\(folio) concluido", "\(folio) concluded"))
    }
  }
}
