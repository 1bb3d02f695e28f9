/// Where the portfolio file lives: `--file`, else `$TABLERO_FILE`, else
/// `$XDG_DATA_HOME/tablero/portafolio.json`, else `~/.local/share/tablero/portafolio.json`.
public enum DataLocation {
  public static let fileName = "portafolio.json"

  public static func resolve(explicit: String?, environment: [String: String]) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let file = environment["TABLERO_FILE"], !file.isEmpty { return file }
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      return "\(xdg)/tablero/\(fileName)"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
    return "\(home)/.local/share/tablero/\(fileName)"
  }
}
