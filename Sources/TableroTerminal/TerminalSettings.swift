/// What the environment asks of the terminal, read once at start. Pure so it can be tested
/// without touching the real environment.
public struct TerminalSettings: Equatable, Sendable {
  public var term: String?
  /// NO_COLOR present and not empty (https://no-color.org).
  public var noColor: Bool
  /// The user chose an escape delay (ESCDELAY); otherwise Tablero uses 25 ms (htop#175).
  public var hasEscapeDelay: Bool

  public init(term: String?, noColor: Bool, hasEscapeDelay: Bool) {
    self.term = term
    self.noColor = noColor
    self.hasEscapeDelay = hasEscapeDelay
  }

  public init(environment lookup: (String) -> String?) {
    term = lookup("TERM")
    noColor = !(lookup("NO_COLOR") ?? "").isEmpty
    hasEscapeDelay = !(lookup("ESCDELAY") ?? "").isEmpty
  }

  /// Milliseconds ncurses waits after Esc for the rest of a key sequence.
  public static let defaultEscapeDelay: Int32 = 25
}
