import ArgumentParser
import TableroCore

extension Tablero {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Crea un archivo de portafolio a partir del seed de la SSA (o del demo).",
      discussion: "Ejemplo: tablero init demo.json --demo")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Archivo a crear (por omisión, el archivo de datos del usuario).")
    var path: String?

    @Flag(help: "Usa el portafolio de demostración, con avances ficticios en los cuatro estados.")
    var demo = false

    @Flag(help: "Reemplaza el archivo si ya existe.")
    var force = false

    mutating func run() throws {
      var options = self.options
      if let path { options.file = path }
      let file = PortfolioFile(options: options)
      // Replacing a file (--force) honours its lock like any other write.
      var holder: FileLock?
      defer { holder?.release() }
      if force, PortfolioStore.exists(file.path) {
        let me = file.identity
        let lock = FileLock(dataPath: file.path, info: LockInfo(me, started: .now))
        do {
          var outcome = try lock.acquire()
          if case .stale(let stale) = outcome { outcome = try lock.takeOver(stale) }
          if case .heldBy(let other) = outcome { throw file.fail(.locked(path: file.path, holder: other)) }
          if case .stale(let other) = outcome { throw file.fail(.locked(path: file.path, holder: other)) }
        } catch let error as StoreError {
          throw file.fail(error)
        }
        holder = lock
      }
      do {
        let loaded = try EmbeddedPortfolios.load(demo ? .demo : .seed)
        try PortfolioStore.create(loaded.portfolio, at: file.path, force: force)
      } catch {
        throw file.fail(error)
      }
      print(file.language.pick("Creado \(file.path)", "Created \(file.path)"))
    }
  }
}
