import ArgumentParser
import TableroCore

/// `--preferir mia|suya` (`--prefer ours|theirs`): the side every sync conflict takes.
enum SyncPreference: String, ExpressibleByArgument, CaseIterable {
  case mia, suya, ours, theirs

  var side: MergeSide { self == .mia || self == .ours ? .mine : .theirs }
}

extension Tablero {
  /// `tablero sincronizar [--preferir mia|suya]` (alias `sync`).
  struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sincronizar",
      abstract: "Sincroniza el portafolio con git: commit de lo guardado, fetch, fusión por id y campo, push.",
      discussion: """
        El archivo de datos debe estar en un clon de git con un remoto. Hace commit del archivo \
        y de su historial (<archivo>.historial.jsonl) con un mensaje que lista los cambios, trae \
        los del remoto y los fusiona con el controlador de Tablero (conflictos: en el resolvedor \
        si hay terminal, o con --preferir), y envía el resultado. Sin conexión deja el commit \
        local y lo envía la próxima vez. Nunca deja el repositorio a mitad de una fusión. La \
        primera vez instala el controlador (ver tablero git instalar). Ver docs/MERGE.md.
        Códigos: 0 sincronizado (o commit local sin conexión), 65 conflictos sin resolver, 74 \
        no se pudo (no es un repositorio, sin remoto, cambios ajenos, cambios sin guardar, git falló).
        """,
      aliases: ["sync"])

    @OptionGroup var options: GlobalOptions

    @Option(
      name: [.customLong("preferir"), .customLong("prefer")],
      help: "En cada conflicto toma: mia/ours (este equipo) o suya/theirs (el remoto). Sin esta opción se abre el resolvedor.")
    var prefer: SyncPreference?

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      do {
        try GitSync(file: file, prefer: prefer?.side).run()
      } catch {
        Environment.printError(error.message)
        throw error.exitCode
      }
    }
  }

  /// `tablero git instalar` (alias `git install`).
  struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "git",
      abstract: "Integración con git: tablero git instalar.",
      subcommands: [GitInstall.self])
  }

  struct GitInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "instalar",
      abstract: "Instala el controlador de fusión de Tablero en el clon de git del archivo de datos.",
      discussion: """
        Escribe en la configuración del clon merge.tablero.driver y merge.tablero-historial.driver \
        (este programa), en el .gitattributes de la carpeta del archivo merge=tablero para el \
        portafolio y merge=tablero-historial para su historial, y en su .gitignore el candado, el \
        diario de recuperación, los respaldos y los temporales, que son de cada equipo. No hace \
        commit: tablero sincronizar lo hace. Ver docs/MERGE.md.
        """,
      aliases: ["install"])

    @OptionGroup var options: GlobalOptions

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      let l = file.language
      let dataPath = GitSetup.realPath(file.path)
      let (folder, name) = GitRepository.folderAndName(of: dataPath)
      guard let repo = GitRepository.containing(folder) else {
        Environment.printError(l.pick(
          "\(folder) no está en un repositorio git (o git no está instalado).",
          "\(folder) is not in a git repository (or git is not installed)."))
        throw Exit.ioError
      }
      let prefix = GitProcess(directory: folder).run("rev-parse", "--show-prefix").text
      let report: GitSetup.Report
      do {
        report = try GitSetup(repository: repo, prefix: prefix, files: SyncFiles(name: name), language: l)
          .install(replaceDrivers: true)
      } catch {
        Environment.printError(error.message)
        throw error.exitCode
      }
      if report.lines.isEmpty {
        print(l.pick("El controlador de Tablero ya estaba instalado para \(prefix + name).",
          "Tablero's merge driver was already installed for \(prefix + name)."))
        return
      }
      print(l.pick("Controlador de fusión de Tablero instalado para \(prefix + name):", "Tablero's merge driver installed for \(prefix + name):"))
      for line in report.lines { print("  " + line) }
      if !report.changedFiles.isEmpty {
        print(l.pick(
          "Haga commit de \(report.changedFiles.joined(separator: " y ")) (tablero sincronizar lo hace) para que los demás clones los usen; cada clon necesita tablero git instalar o una primera sincronización.",
          "Commit \(report.changedFiles.joined(separator: " and ")) (tablero sync does) so the other clones use them; each clone needs tablero git install or a first sync."))
      }
    }
  }
}
