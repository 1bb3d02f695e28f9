import TableroCore
import TableroTerminal
import TableroUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the conflict resolver of `tablero merge --interactivo` in the terminal: the pure
/// `update`/`render` of `MergeResolverState` driven by the ncurses event loop. It only decides;
/// the merge command writes after the terminal is restored.
struct MergeTUIRunner {
  let language: Language
  let mineName: String
  let theirsName: String

  /// The resolver's outcome: `.apply` with every conflict settled and the result validated,
  /// or `.cancel` (also when the terminal goes away or a signal ends the session).
  func run(_ result: MergeResult) throws -> MergeResolverOutcome {
    var outcome: MergeResolverOutcome = .cancel
    do {
      try TerminalGuard.withTerminal { terminal in
        var state = MergeResolverState(
          result: result, mineName: mineName, theirsName: theirsName, language: language,
          useColor: terminal.supportsColor, useUnicode: TUIRunner.localeIsUTF8, size: terminal.size)

        func press(_ key: Key) -> Bool {
          guard let done = update(&state, with: key) else { return true }
          outcome = done
          return false
        }

        EventLoop.run(
          on: terminal,
          render: { size in
            state.size = size
            return render(state)
          },
          handle: { event in
            switch event {
            case .key(let key): return press(key)
            case .resized(let size):
              state.size = size
              return true
            case .resumed, .mouse: return true
            case .signal(let number):
              // Ctrl-C is q (asks first when something was resolved); any other signal cancels.
              if number == SIGINT { return press(.character("q")) }
              outcome = .cancel
              return false
            }
          })
      }
    } catch let error as TerminalError {
      Environment.printError(error.description)
      throw Exit.ioError
    }
    return outcome
  }
}
