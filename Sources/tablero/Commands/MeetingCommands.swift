import ArgumentParser
import TableroCore

extension Tablero {
  /// `tablero reunion iniciar|terminar`: marks a status-review meeting so its changes make the acta.
  struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reunion",
      abstract: "Marca el inicio o el fin de una reunión de seguimiento (para el acta).",
      discussion: "Ejemplo: tablero reunion iniciar --titulo \"Revisión mensual\"; ...; tablero reunion terminar; tablero acta",
      subcommands: [Start.self, End.self],
      aliases: ["meeting"])

    struct Start: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "iniciar", abstract: "Inicia una reunión.", aliases: ["start"])
      @OptionGroup var options: GlobalOptions
      @Option(name: [.customLong("titulo"), .customLong("title")], help: "Título de la reunión.") var title: String?

      mutating func run() throws {
        let file = PortfolioFile(options: options)
        let l = file.language
        let session = try file.openForWriting()
        defer { session.close() }
        var portfolio = session.baseline
        if let open = portfolio.openMeeting {
          Environment.printError(l.pick("Ya hay una reunión abierta: \(open.id). Termínela con: tablero reunion terminar", "A meeting is already open: \(open.id). End it with: tablero meeting end"))
          throw Exit.dataError
        }
        let now = Timestamp.now
        let meeting = MeetingFactory.make(portfolio, title: title, at: now, language: l)
        do { try portfolio.startMeeting(meeting) } catch {
          Environment.printError(error.message(l))
          throw Exit.dataError
        }
        try file.save(portfolio, in: session)
        print(l.pick("Reunión \(meeting.id) iniciada: los cambios desde ahora forman su acta.", "Meeting \(meeting.id) started: changes from now on make its minutes."))
      }
    }

    struct End: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "terminar", abstract: "Termina la reunión abierta.", aliases: ["end"])
      @OptionGroup var options: GlobalOptions

      mutating func run() throws {
        let file = PortfolioFile(options: options)
        let l = file.language
        let session = try file.openForWriting()
        defer { session.close() }
        var portfolio = session.baseline
        guard let open = portfolio.openMeeting else {
          Environment.printError(l.pick("No hay una reunión abierta.", "No meeting is open."))
          throw Exit.dataError
        }
        do { try portfolio.endMeeting(open.id, at: Timestamp.now.iso) } catch {
          Environment.printError(error.message(l))
          throw Exit.dataError
        }
        try file.save(portfolio, in: session)
        print(l.pick("Reunión \(open.id) terminada. Acta: tablero acta --reunion \(open.id)", "Meeting \(open.id) ended. Minutes: tablero minutes --meeting \(open.id)"))
      }
    }
  }

  /// `tablero acta`: the minutes of a meeting, or of everything since a date.
  struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "acta",
      abstract: "Acta de una reunión: cambios (antes → después, desviación, nota, quién y cuándo) y acuerdos.",
      discussion: "Ejemplo: tablero acta --reunion R-2026-11-25 --format html --output acta.html",
      aliases: ["minutes"])

    enum Output: String, ExpressibleByArgument, CaseIterable { case markdown, html, text }

    @OptionGroup var options: GlobalOptions
    @Option(name: [.customLong("desde"), .customLong("since")], help: "Cambios desde esta fecha (DD/MM/AAAA).") var since: DateArgument?
    @Option(name: [.customLong("reunion"), .customLong("meeting")], help: "Id de la reunión (por omisión, la última).") var meeting: String?
    @Option(help: "markdown, html o text.") var format: Output = .markdown
    @Option(name: .shortAndLong, help: "Archivo de salida (por omisión, la salida estándar).") var output: String?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let portfolio = try file.load().portfolio
      let all = (try? History.read(History.path(for: file.path)).records) ?? []
      let minutes: Minutes
      if let since {
        let from = since.day.iso + "T00:00:00Z"
        minutes = Minutes(
          title: l.pick("cambios desde ", "changes since ") + since.day.display, portfolio: portfolio,
          records: all.filter { ($0.timestamp?.local.day ?? Day(ordinal: 0)) >= since.day },
          agreements: portfolio.agreements.filter { $0.created >= since.day }, from: from, to: nil, language: l)
      } else {
        let chosen = meeting.flatMap { id in portfolio.meetings.first { $0.id == id } } ?? (meeting == nil ? portfolio.meetings.last : nil)
        guard let chosen else {
          Environment.printError(meeting.map { l.pick("No existe la reunión \($0).", "There is no meeting \($0).") }
            ?? l.pick("No hay reuniones registradas; use --desde FECHA o: tablero reunion iniciar", "No meetings recorded; use --since DATE or: tablero meeting start"))
          throw Exit.dataError
        }
        minutes = Minutes(
          title: chosen.title.isEmpty ? chosen.id : "\(chosen.title) (\(chosen.id))", portfolio: portfolio,
          records: Minutes.records(all, of: chosen),
          agreements: portfolio.agreements.filter { $0.meetingID == chosen.id }, from: chosen.started, to: chosen.ended, language: l)
      }
      let format: Minutes.Format = self.format == .html ? .html : self.format == .text ? .text : .markdown
      let text = minutes.render(format, language: l, today: Today.day)
      guard let output else {
        print(text, terminator: "")
        return
      }
      do { try TextFile.write(Array(text.utf8), to: output) } catch { throw file.fail(error) }
      print(l.pick("Acta escrita en \(output)", "Minutes written to \(output)"))
    }
  }
}

/// A meeting id from its date, unique in the portfolio: "R-2026-11-25", "R-2026-11-25-2"…
enum MeetingFactory {
  static func make(_ portfolio: Portfolio, title: String?, at now: Timestamp, language l: Language) -> Meeting {
    let day = now.local.day
    var id = "R-" + day.iso
    var n = 2
    while portfolio.meetings.contains(where: { $0.id == id }) {
      id = "R-" + day.iso + "-\(n)"
      n += 1
    }
    return Meeting(id: id, title: title ?? l.pick("Reunión de seguimiento ", "Status review ") + day.display, started: now.iso)
  }
}
