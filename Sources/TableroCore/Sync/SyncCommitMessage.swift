import TableroJSON

/// The commit message of `tablero sincronizar`: a subject counting the saved changes, then one
/// line per change in plain words, from the history lines that the last commit did not have.
///
///     Tablero: 2 cambios en portafolio.json
///
///     - ACMI-04 «Definir lineamientos…» · avance real: 40 → 55 — «licitación» (ana@laptop, 02/12/2026 09:41)
///     - (portafolio) · fecha del reporte: 2013-06-30 → 2013-07-31 (ana@laptop, 02/12/2026 09:42)
public enum SyncCommitMessage {
  /// Lines listed before "… y N más".
  public static let listLimit = 50
  /// Longest value shown (a note can be long).
  static let valueLimit = 60

  /// The records of the history lines in `current` that `committed` does not have, in file
  /// order. Lines that are not history records (torn, hand-edited) are left out.
  public static func newRecords(committed: String, current: String) -> [HistoryRecord] {
    let known = Set(HistoryMerge.lines(committed))
    return HistoryMerge.lines(current).compactMap { line in
      guard !known.contains(line), let value = try? JSON.parse(Array(line.utf8)) else { return nil }
      return HistoryRecord(json: value)
    }
  }

  /// The whole message. `portfolio` names the items ("ACMI-04 «…»"); an item no longer there
  /// (removed) is named by its id.
  public static func make(records: [HistoryRecord], fileName: String, portfolio: Portfolio, language l: Language) -> String {
    let subject: String
    switch records.count {
    case 0: subject = l.pick("Tablero: \(fileName) guardado", "Tablero: \(fileName) saved")
    case 1: subject = l.pick("Tablero: 1 cambio en \(fileName)", "Tablero: 1 change in \(fileName)")
    default: subject = l.pick("Tablero: \(records.count) cambios en \(fileName)", "Tablero: \(records.count) changes in \(fileName)")
    }
    guard !records.isEmpty else { return subject + "\n" }
    let names = EditDescription(l, before: portfolio)
    var lines = [subject, ""]
    for record in records.prefix(listLimit) { lines.append("- " + line(record, names, l)) }
    if records.count > listLimit {
      let more = records.count - listLimit
      lines.append(l.pick("… y \(more) cambios más (tablero history)", "… and \(more) more changes (tablero history)"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "ACMI-04 «…» · avance real: 40 → 55 — «nota» (ana@laptop, 02/12/2026 09:41)"
  public static func line(_ r: HistoryRecord, _ names: EditDescription, _ l: Language) -> String {
    let item = r.id.isEmpty ? l.pick("(portafolio)", "(portfolio)") : names.item(r.id)
    var text = "\(item) · \(r.fieldLabel(l)): \(shown(r.old)) → \(shown(r.new))"
    if let note = r.note, !note.isEmpty { text += " — «\(shown(note))»" }
    let when = r.timestamp?.localDisplay ?? r.at
    return text + " (\(r.user), \(when))"
  }

  static func shown(_ value: String) -> String {
    guard !value.isEmpty else { return "—" }
    let flat = value.replacing("\n", with: " ⏎ ")
    return flat.count > valueLimit ? String(flat.prefix(valueLimit - 1)) + "…" : flat
  }
}
