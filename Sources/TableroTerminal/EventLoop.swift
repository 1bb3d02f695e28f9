import TableroUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the application: draw, wait for input, handle it, draw again.
public enum EventLoop {
  /// Draws the first frame, then turns input and signals into `TerminalEvent`s until
  /// `handle` returns false.
  ///
  /// - Input is polled every `pollInterval` milliseconds so signal flags are noticed even
  ///   when no key is pressed.
  /// - `.resized` and `.resumed` are followed by a full repaint.
  /// - `.signal(SIGINT)` continues when `handle` returns true (e.g. to ask for
  ///   confirmation); SIGTERM, SIGHUP and SIGQUIT always end the loop after `handle` ran,
  ///   so the app can save its recovery state first.
  /// - If input fails repeatedly (the terminal went away without SIGHUP), the loop reports
  ///   `.signal(SIGHUP)` and ends.
  /// The terminal is not stopped here; pair with `TerminalGuard` so endwin always runs.
  public static func run(
    on terminal: NcursesTerminal,
    pollInterval: Int32 = 200,
    render: (Size) -> ScreenBuffer,
    handle: (TerminalEvent) -> Bool,
    idle: () -> Bool = { false }
  ) {
    let interval = max(10, pollInterval)
    terminal.setInputTimeout(milliseconds: interval)
    var writer = ScreenWriter()
    writer.draw(render(terminal.size), on: terminal)
    var failedReads = 0
    let clock = ContinuousClock()

    while true {
      if let signal = terminal.takePendingSignal() {
        let keepRunning = handle(.signal(signal))
        guard keepRunning, signal == SIGINT else { return }
        writer.draw(render(terminal.size), on: terminal)
        continue
      }
      if terminal.takeResumed() {
        writer.invalidate()
        guard handle(.resumed) else { return }
        writer.draw(render(terminal.size), on: terminal)
        continue
      }

      let started = clock.now
      guard let input = terminal.readInput() else {
        // A timeout takes the whole interval; a read that fails at once, again and again
        // with no signal pending, means input is gone.
        if clock.now - started < .milliseconds(Int(interval) / 2) {
          failedReads += 1
          if failedReads >= 100 {
            _ = handle(.signal(SIGHUP))
            return
          }
        } else {
          failedReads = 0
          // A quiet moment: let the app prepare work ahead of the next key (e.g. indexes).
          if idle() { writer.draw(render(terminal.size), on: terminal) }
        }
        continue
      }
      failedReads = 0

      let keepRunning: Bool
      switch input {
      case .ignored:
        continue
      case .resize:
        writer.invalidate()
        keepRunning = handle(.resized(terminal.size))
      case .key(let key):
        keepRunning = handle(.key(key))
      case .mouse(let event):
        keepRunning = handle(.mouse(event))
      }
      guard keepRunning else { return }
      writer.draw(render(terminal.size), on: terminal)
    }
  }
}
