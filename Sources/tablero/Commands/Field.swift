import ArgumentParser
import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

extension Tablero {
  /// `tablero campo preparar DESTINO` / `tablero campo integrar ORIGEN`: the round trip of a copy
  /// taken where there is no network (USB stick, e-mail), merged back without keeping a base.
  struct Field: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "campo",
      abstract: "Copias para trabajo de campo: preparar una copia y volver a integrarla.",
      discussion: """
        tablero campo preparar /media/usb  escribe una copia del portafolio en la memoria USB (o en \
        el archivo indicado). Quien la lleva la edita con tablero --file /media/usb/portafolio.json. \
        Al volver, tablero campo integrar /media/usb/portafolio.json fusiona sus cambios con los de \
        aquí usando como base la revisión de la que partió (no hace falta guardar nada más). Ver \
        docs/MERGE.md.
        """,
      subcommands: [Prepare.self, Integrate.self],
      aliases: ["field"])

    struct Prepare: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "preparar", abstract: "Escribe una copia para llevar (memoria USB, correo).", aliases: ["prepare"])
      @OptionGroup var options: GlobalOptions
      @Argument(help: "Carpeta (p. ej. la memoria USB) o archivo .json de la copia.") var destination: String
      @Flag(
        name: [.customLong("forzar"), .customLong("force")],
        help: "Reemplaza una copia que tiene cambios aún no integrados (se pierden, salvo su .bak).")
      var force = false

      mutating func run() throws {
        let file = PortfolioFile(options: options)
        let l = file.language
        let target = FieldCopy.target(destination, for: file.path)
        if FieldCopy.sameFile(target, file.path) {
          Environment.printError(l.pick("La copia no puede ser el mismo archivo: \(target)", "The copy cannot be the file itself: \(target)"))
          throw Exit.usage
        }
        let session = try file.openForWriting()
        defer { session.close() }
        if session.baseline.lineage.revision == nil {
          // Saved before revisions existed: give it one, so the copy has a base to come back to.
          try file.save(session.baseline, in: session, newRevision: true)
          print(l.pick(
            "\(file.path) no tenía revisión (se guardó con una versión anterior): se le asignó una.",
            "\(file.path) had no revision (saved by an earlier version): it now has one."))
        }
        let portfolio = session.baseline
        if !force, let unmerged = FieldCopy.unmergedWork(at: target, comparedWith: portfolio) {
          Environment.printError(l.pick(
            "\(target) ya tiene una copia con cambios que \(file.path) no tiene (\(unmerged)). Intégrela primero con: tablero campo integrar \(target)\no reemplácela con --forzar.",
            "\(target) already holds a copy with changes \(file.path) does not have (\(unmerged)). Merge it first with: tablero field merge \(target)\nor replace it with --force."))
          throw Exit.dataError
        }
        do {
          try PortfolioStore.save(portfolio, to: target)
        } catch {
          throw MergeFiles.fail(error, l)
        }
        let revision = portfolio.lineage.revision
        let when = revision.flatMap { Timestamp(iso: $0.savedAt)?.localDisplay } ?? ""
        let who = revision.map { SessionIdentity.person(fromUserAtHost: $0.user) } ?? ""
        let id = revision?.id ?? "?"
        print(l.pick(
          """
          Copia para campo escrita: \(target)
          Es la revisión \(id) de \(file.path) (guardada el \(when) por \(who)), con sus \(portfolio.initiatives.count) iniciativas.
          Para editarla sin red: tablero --file \(target)
          Al volver, para juntar sus cambios con los de aquí: tablero campo integrar \(target)
          No hace falta guardar otra copia: la revisión \(id) queda registrada aquí y sirve de base.
          """,
          """
          Field copy written: \(target)
          It is revision \(id) of \(file.path) (saved \(when) by \(who)), with its \(portfolio.initiatives.count) initiatives.
          To edit it offline: tablero --file \(target)
          When it comes back, to merge its changes with the ones made here: tablero field merge \(target)
          No other copy needs keeping: revision \(id) is recorded here and serves as the base.
          """))
      }
    }

    struct Integrate: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "integrar", abstract: "Fusiona de vuelta una copia de campo con el archivo en uso.",
        aliases: ["merge", "integrate"])
      @OptionGroup var options: GlobalOptions
      @Argument(help: "La copia de campo (el archivo .json o la carpeta donde está).") var source: String
      @Option(help: "Resuelve todos los conflictos con un lado: mine (este archivo) o theirs (la copia de campo).")
      var take: MergeSide?
      @Flag(
        name: [.customLong("interactivo"), .customLong("interactive")],
        help: "Con conflictos, los abre en la terminal para resolverlos uno por uno.")
      var interactive = false
      @Flag(help: "Muestra la fusión sin escribir nada.") var dryRun = false

      func validate() throws {
        if interactive, take != nil { throw ValidationError("--interactivo y --take no se combinan: elija uno de los dos.") }
      }

      mutating func run() throws {
        let file = PortfolioFile(options: options)
        let l = file.language
        let copy = FieldCopy.target(source, for: file.path)
        print(l.pick("Integrando la copia de campo \(copy) en \(file.path).", "Merging the field copy \(copy) into \(file.path)."))
        var action = MergeAction(file: file, other: copy, take: take, dryRun: dryRun, interactive: interactive)
        action.resolveHint = l.pick(
          """
          Hay cambios distintos en el mismo dato aquí y en la copia de campo: no se escribió nada.
          Para decidir uno por uno (aquí / campo / otro valor): tablero campo integrar \(source) --interactivo
          Para quedarse con todos los de aquí:                 tablero campo integrar \(source) --take mine
          Para tomar todos los de la copia de campo:           tablero campo integrar \(source) --take theirs
          """,
          """
          The same data was changed differently here and in the field copy: nothing was written.
          To decide one by one (here / field / another value): tablero field merge \(source) --interactive
          To keep every value from here:                      tablero field merge \(source) --take mine
          To take every value from the field copy:            tablero field merge \(source) --take theirs
          """
        ).split(separator: "\n").map(String.init)
        let outcome = try action.run()
        print("")
        let (t, m, c) = (outcome.fromTheirs, outcome.fromMine, outcome.conflicts)
        print(l.pick(
          "En resumen: \(FieldCopy.count(t, "cambio incorporado", "cambios incorporados")) de la copia de campo, \(FieldCopy.count(m, "cambio conservado", "cambios conservados")) de aquí, \(FieldCopy.count(c, "conflicto", "conflictos"))\(c == 1 ? " resuelto" : c > 1 ? " resueltos" : "").",
          "In short: \(FieldCopy.count(t, "change", "changes")) taken from the field copy, \(FieldCopy.count(m, "change", "changes")) kept from here, \(FieldCopy.count(c, "conflict", "conflicts"))\(c > 0 ? " resolved" : "")."))
        if let written = outcome.written, let revision = outcome.revision {
          print(l.pick(
            "Guardado en \(written) como revisión \(revision.id). Para seguir en campo con todo junto: tablero campo preparar \(source)",
            "Saved in \(written) as revision \(revision.id). To keep working in the field with everything: tablero field prepare \(source)"))
        }
      }
    }
  }
}

/// Where field copies go and whether one holds work not merged yet.
enum FieldCopy {
  /// A folder gets the data file's name inside it; anything else is the copy's own path.
  static func target(_ destination: String, for dataPath: String) -> String {
    var info = stat()
    guard stat(destination, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return destination }
    let name = dataPath.split(separator: "/").last.map(String.init) ?? "portafolio.json"
    return destination.hasSuffix("/") ? destination + name : destination + "/" + name
  }

  /// A description of the work in the copy at `path` that `portfolio` does not descend from,
  /// nil when there is no copy there or it holds nothing new.
  static func unmergedWork(at path: String, comparedWith portfolio: Portfolio) -> String? {
    guard PortfolioStore.exists(path), let existing = try? PortfolioStore.load(from: path).portfolio else { return nil }
    if let id = existing.lineage.revision?.id {
      return portfolio.lineage.chain.contains(id) ? nil : "revisión \(id)"
    }
    return existing == portfolio ? nil : "sin revisión / no revision"
  }

  /// Both paths name one existing file (same device and inode).
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
