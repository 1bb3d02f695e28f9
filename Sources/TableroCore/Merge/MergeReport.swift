/// The merge as text for a person: what was taken from each side, then each conflict with its
/// base, mine and theirs values. Used by `tablero merge` and the git merge driver.
public struct MergeReport: Sendable {
  public var language: Language
  /// How this file and the other one are called in the text (file names).
  public var mineName: String
  public var theirsName: String
  /// Longest value shown; nil shows values whole.
  public var valueLimit: Int?

  public init(language: Language, mineName: String, theirsName: String, valueLimit: Int? = 80) {
    self.language = language
    self.mineName = mineName
    self.theirsName = theirsName
    self.valueLimit = valueLimit
  }

  public func summaryLines(_ result: MergeResult) -> [String] {
    let l = language
    let s = result.summary
    var lines: [String] = []
    lines.append(
      result.isThreeWay
        ? l.pick("Fusión a tres vías de \(theirsName) en \(mineName).", "Three-way merge of \(theirsName) into \(mineName).")
        : l.pick(
          "Fusión sin base de \(theirsName) en \(mineName): sin base no se detectan eliminaciones.",
          "Merge without a base of \(theirsName) into \(mineName): without a base removals cannot be detected."))
    func section(_ title: String, _ entries: [MergeSummary.Entry]) {
      lines.append("\(title): \(entries.count)")
      lines += entries.map { "  " + $0.describe(l, limit: valueLimit) }
    }
    section(l.pick("Tomado de \(theirsName)", "Taken from \(theirsName)"), s.fromTheirs)
    section(l.pick("Conservado de \(mineName)", "Kept from \(mineName)"), s.fromMine)
    if !s.fromBoth.isEmpty { section(l.pick("Igual en ambos (tomado una vez)", "Same on both sides (taken once)"), s.fromBoth) }
    return lines
  }

  public func conflictLines(_ result: MergeResult) -> [String] {
    let l = language
    guard !result.conflicts.isEmpty else { return [l.pick("Sin conflictos.", "No conflicts.")] }
    var lines = [l.pick("Conflictos: \(result.conflicts.count)", "Conflicts: \(result.conflicts.count)")]
    let width = max(l.pick("mío", "mine").count, l.pick("otro", "theirs").count, "base".count) + 1
    func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    for (n, c) in result.conflicts.enumerated() {
      lines.append("  \(n + 1). \(c.path) (\(c.kindText(l)))")
      if result.isThreeWay { lines.append("       \(pad("base:")) \(c.text(c.base, l, limit: valueLimit))") }
      lines.append("       \(pad(l.pick("mío:", "mine:"))) \(c.text(c.mine, l, limit: valueLimit))  [\(mineName)]")
      lines.append("       \(pad(l.pick("otro:", "theirs:"))) \(c.text(c.theirs, l, limit: valueLimit))  [\(theirsName)]")
      let how: String
      switch c.resolution {
      case .none: how = l.pick("(por omisión)", "(by default)")
      case .mine: how = l.pick("(elegido: mío)", "(chosen: mine)")
      case .theirs: how = l.pick("(elegido: otro)", "(chosen: theirs)")
      case .value: how = l.pick("(valor editado)", "(edited value)")
      }
      lines.append("       → \(c.text(c.chosen, l, limit: valueLimit)) \(how)")
    }
    return lines
  }

  /// How to finish a merge that stopped on conflicts.
  public func howToResolve() -> [String] {
    language.pick(
      """
      No se escribió nada. Para terminar la fusión elija un lado para todos los conflictos:
        --take mine    conserva los valores de este archivo
        --take theirs  toma los valores del otro archivo
      o resuélvalos uno por uno en la terminal (mío / otro / editar) con --interactivo.
      """,
      """
      Nothing was written. To finish the merge, choose a side for every conflict:
        --take mine    keeps this file's values
        --take theirs  takes the other file's values
      or resolve them one by one in the terminal (mine / theirs / edit) with --interactive.
      """
    ).split(separator: "\n").map(String.init)
  }
}
