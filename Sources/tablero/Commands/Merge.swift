import ArgumentParser
import TableroCore

extension MergeSide: ExpressibleByArgument {}

extension Tablero {
  /// `tablero merge OTRO [--base BASE] [--take mine|theirs] [--output FILE] [--dry-run]`.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Fusiona otra copia del portafolio, editada aparte, con el archivo en uso.",
      discussion: """
        Por id estable y campo por campo: los cambios de un solo lado se toman; el mismo campo \
        cambiado distinto en ambos lados es un conflicto. Con conflictos y sin --take ni \
        --interactivo no se escribe nada (código 65); --interactivo los resuelve en la terminal. Sin --base \
        se usa como base la revisión más reciente que comparten las dos copias (reconstruida con \
        <archivo>.revisiones.jsonl); si no comparten ninguna, la fusión es a dos vías y lo dice. Con --base \
        (la versión de la que partieron ambas copias) se usa esa. El historial (<archivo>.historial.jsonl) se fusiona \
        si existe. Ver docs/MERGE.md. Ejemplo: tablero merge portafolio-campo.json --base portafolio-enviado.json
        """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "La otra copia del portafolio.")
    var other: String

    @Option(help: "La versión común de la que partieron ambas copias (si no: la revisión más reciente que comparten).")
    var base: String?

    @Option(help: "Resuelve todos los conflictos con un lado: mine (este archivo) o theirs (el otro).")
    var take: MergeSide?

    @Option(help: "Escribe el resultado aquí en lugar del archivo en uso.")
    var output: String?

    @Flag(help: "Muestra la fusión sin escribir nada.")
    var dryRun = false

    @Flag(
      name: [.customLong("interactivo"), .customLong("interactive")],
      help: "Con conflictos, los abre en la terminal para resolverlos uno por uno (mío / otro / editar).")
    var interactive = false

    func validate() throws {
      if interactive, take != nil {
        throw ValidationError("--interactivo y --take no se combinan: elija uno de los dos.")
      }
    }

    mutating func run() throws {
      let action = MergeAction(
        file: PortfolioFile(options: options), other: other, basePath: base, take: take, output: output, dryRun: dryRun,
        interactive: interactive)
      _ = try action.run()
    }
  }

  /// `tablero merge-driver %O %A %B [%P]`: git's custom merge driver (docs/MERGE.md).
  struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge-driver",
      abstract: "Controlador de fusión para git: tablero merge-driver %O %A %B [%P].",
      discussion: """
        Escribe la fusión en %A y sale con 0; con conflictos deja en %A un portafolio válido \
        (conflictos resueltos con "mío"), lista los conflictos en stderr y sale con 1, y git marca \
        el archivo en conflicto. Con --historial fusiona archivos .historial.jsonl (unión de \
        líneas, sin duplicados, por fecha). Configuración: \
        git config merge.tablero.driver "tablero merge-driver %O %A %B %P" y en .gitattributes \
        portafolio.json merge=tablero
        """)

    @Option(help: "Idioma: es (predeterminado) o en.")
    var lang: Language?

    @Flag(name: .customLong("historial"), help: "Fusiona historiales JSON Lines en lugar de portafolios.")
    var history = false

    @Argument(help: "%O: la versión común (base); vacía si no hay.")
    var base: String

    @Argument(help: "%A: la versión actual (ours); aquí se escribe el resultado.")
    var ours: String

    @Argument(help: "%B: la otra versión (theirs).")
    var theirs: String

    @Argument(help: "%P: el nombre del archivo en el repositorio, para los mensajes.")
    var name: String?

    mutating func run() throws {
      let l = lang ?? Language.fromLocale(Environment.value("LC_ALL") ?? Environment.value("LANG"))
      let shown = name ?? ours
      if history {
        try mergeHistories(l)
        return
      }
      let mine: Portfolio
      let other: Portfolio
      do {
        mine = try PortfolioStore.load(from: ours).portfolio
        other = try PortfolioStore.load(from: theirs).portfolio
      } catch {
        Environment.printError(error.describe(l))
        Environment.printError(
          l.pick(
            "tablero: \(shown): no se pudo fusionar; queda en conflicto sin cambios.",
            "tablero: \(shown): could not merge; left conflicted and unchanged."))
        throw ExitCode(1)
      }
      var common: Portfolio?
      if PortfolioStore.exists(base), ((try? TextFile.read(base)) ?? []).isEmpty == false {
        do {
          common = try PortfolioStore.load(from: base).portfolio
        } catch {
          Environment.printError(error.describe(l))
          Environment.printError(
            l.pick("tablero: la base no es válida; se fusiona sin base.", "tablero: the base is not valid; merging without it."))
        }
      }
      let result = PortfolioMerge.merge(base: common, mine: mine, theirs: other)
      let report = MergeReport(language: l, mineName: "\(shown) (ours)", theirsName: "\(shown) (theirs)")
      let merged: Portfolio
      do {
        merged = try result.validated()
      } catch {
        Environment.printError(error.describe(l))
        Environment.printError(
          l.pick(
            "tablero: \(shown): queda la versión actual (ours) sin cambios.",
            "tablero: \(shown): the current version (ours) is left unchanged."))
        throw ExitCode(1)
      }
      do {
        if merged != mine {
          // New data needs a revision of its own, descending from both sides (docs/MERGE.md).
          var both = merged
          both.lineage.mergedFrom = other.lineage.chain
          let me = SessionIdentity.current(environment: Environment.all).userAtHost
          try TextFile.write(PortfolioCodec.encode(RevisionStamp.stamp(both, over: mine.lineage, user: me, at: .now)), to: ours)
        }
      } catch {
        Environment.printError(error.describe(l))
        throw ExitCode(1)
      }
      if result.isClean {
        Environment.printError(
          l.pick(
            "tablero: \(shown): fusión limpia (\(result.summary.fromTheirs.count) cambios tomados de theirs).",
            "tablero: \(shown): clean merge (\(result.summary.fromTheirs.count) changes taken from theirs)."))
        return
      }
      for line in report.conflictLines(result) { Environment.printError(line) }
      Environment.printError(
        l.pick(
          """
          tablero: \(shown) queda con los valores de ours en los conflictos, los demás cambios ya fusionados.
          Revise el archivo y márquelo resuelto con git add, o use: tablero merge --take theirs ...
          """,
          """
          tablero: \(shown) keeps ours' values in the conflicts, every other change merged.
          Check the file and mark it resolved with git add, or use: tablero merge --take theirs ...
          """))
      throw ExitCode(1)
    }

    private func mergeHistories(_ l: Language) throws {
      func text(_ path: String) -> String {
        guard PortfolioStore.exists(path), let bytes = try? TextFile.read(path) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
      }
      let outcome = HistoryMerge.merge(mine: text(ours), theirs: text(theirs))
      do {
        try TextFile.write(Array(outcome.text.utf8), to: ours)
      } catch {
        Environment.printError(error.describe(l))
        throw ExitCode(1)
      }
    }
  }
}

/// Loading and failing for the files a merge reads besides the one in use.
enum MergeFiles {
  static func load(_ path: String, _ l: Language) throws -> Portfolio {
    do {
      return try PortfolioStore.load(from: path).portfolio
    } catch {
      throw fail(error, l)
    }
  }

  static func fail(_ error: StoreError, _ l: Language) -> ExitCode {
    Environment.printError(error.describe(l))
    switch error {
    case .syntax, .invalid, .empty: return Exit.dataError
    default: return Exit.ioError
    }
  }
}
