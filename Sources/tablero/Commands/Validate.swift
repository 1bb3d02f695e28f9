import ArgumentParser
import TableroCore

extension Tablero {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Valida un archivo de portafolio: resumen en una línea, o la lista de problemas.",
      discussion: "Ejemplo: tablero validate portafolio.json")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Archivo a validar (por omisión, el archivo en uso).")
    var path: String?

    mutating func run() throws {
      var options = self.options
      if let path { options.file = path }
      let file = PortfolioFile(options: options)
      let l = file.language
      let loaded: LoadedPortfolio
      do {
        loaded = try PortfolioStore.load(from: file.path)
      } catch {
        throw file.fail(error)
      }
      file.printWarningsOf(loaded)
      let p = loaded.portfolio
      print(
        l.pick(
          "\(file.path): válido — \(p.imperatives.count) imperativos, \(p.components.count) componentes, \(p.initiatives.count) iniciativas, \(loaded.warnings.count) avisos",
          "\(file.path): valid — \(p.imperatives.count) imperatives, \(p.components.count) components, \(p.initiatives.count) initiatives, \(loaded.warnings.count) warnings"))
    }
  }
}
