/// What of a portfolio travels through git and what stays on each machine, for the data file
/// `name` in its folder. The portfolio and its history are shared (committed); the lock, the
/// recovery journal, the backups and half-written temporary files are local: a lock or a
/// journal of another machine would only block or confuse this one.
///
/// `.gitattributes` and `.gitignore` go in the data file's own folder with anchored
/// patterns (`/portafolio.json`), so a file name never needs a directory part quoted.
public struct SyncFiles: Equatable, Sendable {
  /// The data file's name (no folder).
  public var name: String

  public init(name: String) { self.name = name }

  public var historyName: String { name + ".historial.jsonl" }

  /// The git merge driver names (`merge.<driver>.driver` in the repository's config).
  public static let portfolioDriver = "tablero"
  public static let historyDriver = "tablero-historial"

  /// The lines `.gitattributes` needs: the portfolio merged by id and field, the history as a
  /// union of lines ordered by time (no line lost, none repeated: better than git's
  /// `merge=union`, which keeps no order and may duplicate).
  public var attributeLines: [String] {
    ["\(Self.attributePattern(name)) merge=\(Self.portfolioDriver)", "\(Self.attributePattern(historyName)) merge=\(Self.historyDriver)"]
  }

  /// Local files, by pattern for `.gitignore`.
  public var ignoreLines: [String] {
    let n = Self.globEscaped(name, spaces: true)
    // The revision log (docs/MERGE.md) is this machine's way back to its own revisions; in a
    // repository git keeps the versions, and two machines' logs would only conflict.
    return ["/\(n).lock", "/\(n).diario.jsonl", "/\(n).diario-*.jsonl", "/\(n).diario.descartado.jsonl", "/\(n).bak*", "/.\(n).*.tmp-*", "/\(n).revisiones.jsonl"]
  }

  /// Example local paths, one per ignore pattern, to ask `git check-ignore` about.
  public var localExamples: [String] {
    [name + ".lock", name + ".diario.jsonl", name + ".diario-2.jsonl", name + ".diario.descartado.jsonl", name + ".bak", name + ".bak.1", "." + name + ".x.tmp-1", name + ".revisiones.jsonl"]
  }

  /// Glob characters (and, for `.gitignore`, spaces) escaped with a backslash.
  static func globEscaped(_ name: String, spaces: Bool) -> String {
    var out = ""
    for c in name {
      if "*?[]\\".contains(c) || (spaces && c == " ") { out.append("\\") }
      out.append(c)
    }
    return out
  }

  /// `/name`, C-quoted when it has a space or a quote (a `.gitattributes` line splits at spaces).
  static func attributePattern(_ name: String) -> String {
    let pattern = "/" + globEscaped(name, spaces: false)
    guard pattern.contains(" ") || pattern.contains("\"") else { return pattern }
    var quoted = "\""
    for c in pattern {
      if c == "\\" || c == "\"" { quoted.append("\\") }
      quoted.append(c)
    }
    return quoted + "\""
  }

  /// `text` with each of `lines` that is not already there appended (under `comment` when
  /// something is added); nil when nothing is missing.
  public static func adding(_ lines: [String], to text: String, comment: String) -> String? {
    let present = Set(text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0).trimmingSpaces() })
    let missing = lines.filter { !present.contains($0) }
    guard !missing.isEmpty else { return nil }
    var out = text
    if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
    if !out.isEmpty { out += "\n" }
    out += "# " + comment + "\n"
    for line in missing { out += line + "\n" }
    return out
  }
}
