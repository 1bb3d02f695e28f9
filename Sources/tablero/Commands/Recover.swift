import ArgumentParser
import TableroCore
import TableroJSON

extension Tablero {
  /// `tablero recover [--show|--apply|--discard]`
  struct Recover: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recupera los cambios sin guardar de una sesión interrumpida (diario <archivo>.diario.jsonl).",
      discussion: """
        Sin opciones dice qué hay (cuántos cambios, cuándo, de quién). --show los lista, --apply los \
        aplica al archivo y guarda, --discard los descarta (se conserva una copia en \
        <archivo>.diario.descartado.jsonl). Nada se descarta sin --discard.
        """)

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Lista los cambios pendientes.")
    var show = false

    @Flag(help: "Aplica los cambios al archivo y lo guarda (con copia .bak e historial).")
    var apply = false

    @Flag(help: "Descarta los cambios pendientes.")
    var discard = false

    func validate() throws {
      if [show, apply, discard].filter({ $0 }).count > 1 {
        throw ValidationError("Use solo una de --show, --apply o --discard / use only one of them.")
      }
    }

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let session = try file.openForWriting(allowPendingRecovery: true)
      defer { session.close() }
      guard let recovery = session.recovery else {
        print(l.pick("No hay cambios pendientes de recuperar para \(file.path).", "No unsaved changes to recover for \(file.path)."))
        return
      }
      if let problem = recovery.problem, apply || show {
        Environment.printError(l.pick(
          "\(recovery.journalPath): el diario está dañado (\(problem)); solo puede descartarse (--discard)",
          "\(recovery.journalPath): the journal is damaged (\(problem)); it can only be discarded (--discard)"))
        throw Exit.dataError
      }
      if show {
        print(recovery.describe(l))
        let contents: Journal.Contents
        do { contents = try session.recoveryContents() } catch { throw file.fail(error) }
        for record in contents.records {
          let when = Timestamp(iso: record.at)?.localDisplay ?? record.at
          print("\(record.seq). \(when) \(JSONWriter.compact(record.entry.json))")
        }
      } else if apply {
        let replayed: PortfolioSession.Replayed
        do { replayed = try session.recover() } catch { throw file.fail(error) }
        let report = try file.save(replayed.portfolio, in: session)
        print(l.pick(
          "Se aplicaron \(recovery.entryCount - replayed.skipped.count) de \(recovery.entryCount) cambios y se guardó \(file.path) (\(report.changes.count) cambios en el historial).",
          "Applied \(recovery.entryCount - replayed.skipped.count) of \(recovery.entryCount) changes and saved \(file.path) (\(report.changes.count) changes in the history)."))
        for skipped in replayed.skipped {
          Environment.printError(l.pick("Omitido: ", "Skipped: ") + JSONWriter.compact(skipped.entry.json) + " — " + skipped.error.message(l))
        }
      } else if discard {
        do { try session.discardRecovery() } catch { throw file.fail(error) }
        print(l.pick(
          "Se descartaron \(recovery.entryCount) cambios (copia en \(PortfolioSession.discardedJournalPath(for: file.path))).",
          "Discarded \(recovery.entryCount) changes (copy kept in \(PortfolioSession.discardedJournalPath(for: file.path)))."))
      } else {
        print(recovery.describe(l))
        print(l.pick(
          "Opciones: tablero recover --show (verlos) · --apply (aplicarlos y guardar) · --discard (descartarlos)",
          "Options: tablero recover --show (list them) · --apply (apply and save) · --discard (discard them)"))
      }
    }
  }
}
