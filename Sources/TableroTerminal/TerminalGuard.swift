/// Scopes a terminal session so the terminal is restored (endwin) on every way out.
///
/// Layers of protection: `withTerminal` stops the terminal when `body` returns or throws;
/// `NcursesTerminal.deinit` stops it if the object is dropped; an atexit handler in the
/// shim calls endwin if the process exits while curses is active; SIGINT/SIGTERM/SIGHUP/
/// SIGQUIT only set a flag that `EventLoop` turns into an event, so the normal path runs.
public enum TerminalGuard {
  public static func withTerminal<Result>(
    _ terminal: NcursesTerminal = NcursesTerminal(),
    _ body: (NcursesTerminal) throws -> Result
  ) throws -> Result {
    try terminal.start()
    defer { terminal.stop() }
    return try body(terminal)
  }
}
