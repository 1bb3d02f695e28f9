import TableroCore

/// Runs the terminal UI on a loaded portfolio (wired to TableroTerminal by the TUI work).
struct TUIRunner {
  let file: PortfolioFile
  let loaded: LoadedPortfolio
  func run() throws {
    print(file.language.pick("Interfaz de terminal pendiente.", "Terminal UI pending."))
  }
}
