/// The eight basic ANSI colours plus the terminal's own default. Only these are used because
/// they work on every terminal Tablero targets, the Linux console included.
public enum TerminalColor: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  case `default`, black, red, green, yellow, blue, magenta, cyan, white

  public var description: String {
    switch self {
    case .default: "default"
    case .black: "black"
    case .red: "red"
    case .green: "green"
    case .yellow: "yellow"
    case .blue: "blue"
    case .magenta: "magenta"
    case .cyan: "cyan"
    case .white: "white"
    }
  }
}
