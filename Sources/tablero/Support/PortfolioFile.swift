import ArgumentParser
import TableroCore

/// Resolves, loads and saves the portfolio file for a command, turning store errors into
/// messages on stderr and the documented exit codes.
struct PortfolioFile {
  let path: String
  let language: Language
  /// True when the path came from the defaults, where a first run creates the file from the seed.
  let isDefaultLocation: Bool

  init(options: GlobalOptions) {
    let env = Environment.all
    path = DataLocation.resolve(explicit: options.file, environment: env)
    isDefaultLocation = options.file == nil && (env["TABLERO_FILE"]?.isEmpty ?? true)
    language = options.language
  }

  /// Loads the file; on the first run at the default location creates it from the embedded seed.
  func load(printWarnings: Bool = false) throws -> LoadedPortfolio {
    if isDefaultLocation, !PortfolioStore.exists(path) {
      do {
        let seed = try EmbeddedPortfolios.load(.seed)
        try PortfolioStore.create(seed.portfolio, at: path, force: false)
        Environment.printError(
          language.pick(
            "Se creó \(path) con el portafolio de la SSA (seed). Use --file o TABLERO_FILE para otro archivo.",
            "Created \(path) with the SSA seed portfolio. Use --file or TABLERO_FILE for another file."))
      } catch {
        throw fail(error)
      }
    }
    do {
      let loaded = try PortfolioStore.load(from: path)
      if printWarnings { printWarningsOf(loaded) }
      return loaded
    } catch {
      throw fail(error)
    }
  }

  func save(_ portfolio: Portfolio) throws {
    do { try PortfolioStore.save(portfolio, to: path) } catch { throw fail(error) }
  }

  func printWarningsOf(_ loaded: LoadedPortfolio) {
    for warning in loaded.warnings { Environment.printError("\(path): " + warning.describe(language)) }
  }

  /// Prints the error and gives the exit code for its kind.
  func fail(_ error: StoreError) -> ExitCode {
    var message = error.describe(language)
    if case .notFound = error, !isDefaultLocation {
      message += language.pick(
        "\nCree uno con: tablero init \(path)", "\nCreate one with: tablero init \(path)")
    }
    Environment.printError(message)
    switch error {
    case .syntax, .invalid, .empty: return Exit.dataError
    default: return Exit.ioError
    }
  }
}
