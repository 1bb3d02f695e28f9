/// `git status --porcelain=v1 -z` read into entries: which paths differ from HEAD, and how.
/// Sync uses it to refuse a work tree with changes that are not the portfolio's.
public struct GitStatusEntry: Equatable, Sendable {
  /// Index and work-tree status letters (`M`, `A`, `D`, `R`, `U`, `?`…), as git prints them.
  public var index: Character
  public var workTree: Character
  /// Path relative to the repository root; for a rename, the new name.
  public var path: String
  /// For a rename or copy, the old name.
  public var originalPath: String?

  public init(index: Character, workTree: Character, path: String, originalPath: String? = nil) {
    self.index = index
    self.workTree = workTree
    self.path = path
    self.originalPath = originalPath
  }

  /// Both sides changed it in a merge that did not finish (`UU`, `AA`, `DU`…).
  public var isUnmerged: Bool {
    index == "U" || workTree == "U" || (index == "A" && workTree == "A") || (index == "D" && workTree == "D")
  }

  public var isUntracked: Bool { index == "?" && workTree == "?" }

  /// "modificado", "nuevo", "borrado"… for the refusal message.
  public func describe(_ l: Language) -> String {
    let letter = isUntracked ? "?" : (index != " " ? index : workTree)
    let what: String
    if isUnmerged {
      what = l.pick("en conflicto", "conflicted")
    } else {
      switch letter {
      case "A": what = l.pick("nuevo", "added")
      case "D": what = l.pick("borrado", "deleted")
      case "R": what = l.pick("renombrado", "renamed")
      case "C": what = l.pick("copiado", "copied")
      case "T": what = l.pick("cambió de tipo", "type changed")
      case "?": what = l.pick("sin seguimiento", "untracked")
      default: what = l.pick("modificado", "modified")
      }
    }
    let from = originalPath.map { l.pick(" (antes \($0))", " (was \($0))") } ?? ""
    return "\(path)\(from): \(what)"
  }
}

public enum GitStatus {
  /// Parses NUL-separated porcelain v1 output: `XY path`, and for renames and copies
  /// `XY new` followed by the old name as its own field. Malformed fields are skipped.
  public static func parse(_ output: [UInt8]) -> [GitStatusEntry] {
    let fields = output.split(separator: 0, omittingEmptySubsequences: true).map { Array($0) }
    var entries: [GitStatusEntry] = []
    var i = 0
    while i < fields.count {
      let field = fields[i]
      i += 1
      guard field.count > 3, field[2] == UInt8(ascii: " ") else { continue }
      let x = Character(Unicode.Scalar(field[0]))
      let y = Character(Unicode.Scalar(field[1]))
      var entry = GitStatusEntry(index: x, workTree: y, path: String(decoding: field[3...], as: UTF8.self))
      if x == "R" || x == "C" || y == "R" || y == "C", i < fields.count {
        entry.originalPath = String(decoding: fields[i], as: UTF8.self)
        i += 1
      }
      entries.append(entry)
    }
    return entries
  }
}
