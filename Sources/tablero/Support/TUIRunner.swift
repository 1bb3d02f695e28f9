import TableroCore
import TableroTerminal
import TableroUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the terminal UI: the pure `update`/`render` of TableroUI driven by the ncurses event
/// loop, with effects (saving, quitting) carried out here.
struct TUIRunner {
  let file: PortfolioFile
  let loaded: LoadedPortfolio
  let readOnly: Bool
  var presenting = false

  /// UTF-8 locale: Unicode glyphs and borders; otherwise ASCII.
  static var localeIsUTF8: Bool {
    let value = Environment.value("LC_ALL") ?? Environment.value("LC_CTYPE") ?? Environment.value("LANG") ?? ""
    let lower = value.lowercased()
    return lower.contains("utf-8") || lower.contains("utf8")
  }

  func run() throws {
    let l = file.language
    var exitNote: String?
    do {
      try TerminalGuard.withTerminal { terminal in
        var config = AppConfig(
          language: l, useColor: terminal.supportsColor, useUnicode: Self.localeIsUTF8, filePath: file.path,
          readOnly: readOnly, today: Today.day)
        config.presenting = presenting
        var state = AppState(loaded: loaded, config: config, size: terminal.size)
        EventLoop.run(
          on: terminal,
          render: { size in
            if size != state.size { _ = update(&state, with: .resized(size)) }
            return render(state)
          },
          handle: { event in
            var effects: [Effect] = []
            switch event {
            case .key(let key): effects = update(&state, with: .key(key))
            case .resized(let size): effects = update(&state, with: .resized(size))
            case .resumed: return true
            case .signal(let number):
              // Ctrl-C behaves like q; other signals end the session, keeping unsaved edits.
              if number == SIGINT { effects = update(&state, with: .key(.character("q"))) } else {
                exitNote = preserve(state)
                return false
              }
            }
            for effect in effects {
              switch effect {
              case .save(let portfolio):
                do {
                  try PortfolioStore.save(portfolio, to: file.path)
                  effects += update(&state, with: .saveFinished(error: nil))
                } catch {
                  _ = update(&state, with: .saveFinished(error: (error as? StoreError)?.describe(l) ?? "\(error)"))
                }
              case .record:
                break  // the recovery journal is wired in with PortfolioSession
              case .quit:
                return false
              }
            }
            // A save that asked to quit reports .quit after it; run it.
            return !effects.contains(.quit)
          })
      }
    } catch let error as TerminalError {
      Environment.printError(error.description)
      throw Exit.ioError
    }
    if let exitNote { Environment.printError(exitNote) }
  }

  /// On SIGTERM/SIGHUP with unsaved edits, writes them beside the data file so nothing typed
  /// is lost (the reliability work turns this into a journal with recovery on start).
  func preserve(_ state: AppState) -> String? {
    guard state.isDirty, !state.config.readOnly else { return nil }
    let path = file.path + ".recuperado.json"
    do {
      try PortfolioStore.save(state.portfolio, to: path)
      return file.language.pick(
        "Cambios sin guardar conservados en \(path)", "Unsaved changes kept in \(path)")
    } catch {
      return error.describe(file.language)
    }
  }
}
