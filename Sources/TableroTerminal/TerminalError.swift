/// Why the terminal could not be started. Descriptions are shown to the user, in Spanish.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// ncurses has no terminfo entry for TERM (nil when TERM is not set).
  case unknownTerminal(term: String?)
  /// Standard input or output is not a terminal (piped or redirected).
  case notATerminal

  public var description: String {
    switch self {
    case .unknownTerminal(let term):
      "Terminal desconocido: TERM=\(term ?? "(sin definir)")"
    case .notATerminal:
      "La entrada o la salida estándar no es una terminal; "
        + "ejecute Tablero en una terminal interactiva."
    }
  }
}
