import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// Everything the CLI prints for people goes through here, so text from a portfolio (names,
/// notes, agreements) can never send escape sequences to the terminal (TerminalText).
/// This `print` shadows the standard one in this module: no call can forget it.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.map { "\($0)" }.joined(separator: separator)
  Swift.print(TerminalText.sanitized(text), terminator: terminator)
}

enum Console {
  /// Output whose own escape codes are wanted (the coloured report): its data parts were
  /// made safe by the formatter.
  static func raw(_ text: String) { Swift.print(text, terminator: "") }

  /// A machine format (CSV, JSON, HTML): unchanged when it goes to a file or a pipe, made
  /// safe when it goes to a terminal.
  static func data(_ text: String) {
    if isatty(STDOUT_FILENO) == 1 {
      Swift.print(TerminalText.sanitized(text, keeping: ["\n", "\r", "\t"]), terminator: "")
    } else {
      Swift.print(text, terminator: "")
    }
  }
}
