#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TableroJSON

/// One line of the history file: who changed what, when.
public struct HistoryRecord: Equatable, Sendable {
  /// ISO-8601 UTC.
  public var at: String
  /// `user@host`.
  public var user: String
  /// The item's id; empty for the portfolio's own fields (report date, tolerance…).
  public var id: String
  public var field: String
  public var old: String
  public var new: String
  public var note: String?

  public init(at: String, user: String, id: String, field: String, old: String, new: String, note: String? = nil) {
    self.at = at
    self.user = user
    self.id = id
    self.field = field
    self.old = old
    self.new = new
    self.note = note
  }

  public var timestamp: Timestamp? { Timestamp(iso: at) }

  public var json: JSONValue {
    var o = JSONObject()
    o.set("at", .string(at))
    o.set("user", .string(user))
    o.set("id", .string(id))
    o.set("field", .string(field))
    o.set("old", .string(old))
    o.set("new", .string(new))
    if let note { o.set("note", .string(note)) }
    return .object(o)
  }

  public init?(json: JSONValue) {
    // Values are written as text; numbers are accepted too (files written by other tools).
    func text(_ v: JSONValue?) -> String? { v?.stringValue ?? v?.numberValue?.text ?? (v == .null ? "" : nil) }
    guard let at = json["at"]?.stringValue, let user = json["user"]?.stringValue, let id = json["id"]?.stringValue,
      let field = json["field"]?.stringValue, let old = text(json["old"]), let new = text(json["new"])
    else { return nil }
    self.init(at: at, user: user, id: id, field: field, old: old, new: new, note: json["note"]?.stringValue)
  }

  /// `DD/MM/YYYY HH:MM user@host ID field old → new — note` (local time).
  public func line(_ l: Language) -> String {
    let when = timestamp?.localDisplay ?? at
    let shownID = id.isEmpty ? l.pick("(portafolio)", "(portfolio)") : id
    func shown(_ v: String) -> String { v.isEmpty ? "–" : v.replacingOccurrences(of: "\n", with: " ⏎ ") }
    var text = "\(when) \(user) \(shownID) \(field) \(shown(old)) → \(shown(new))"
    if let note, !note.isEmpty { text += " — \(note)" }
    return text
  }
}

/// `<file>.historial.jsonl`: every saved change, append-only, one JSON object per line. Meeting
/// minutes and progress-over-time charts are built from it.
public enum History {
  public static func path(for dataPath: String) -> String { dataPath + ".historial.jsonl" }

  /// The data file a history path belongs to (nil for another name).
  static func dataPath(of historyPath: String) -> String? {
    historyPath.hasSuffix(".historial.jsonl") ? String(historyPath.dropLast(".historial.jsonl".count)) : nil
  }

  /// The records for a save: the diff of `old` → `new`, with the session's progress notes (by
  /// id, in order) attached to the `actualProgress` change they explain. A notes change that only
  /// appends the dated lines `setProgress` writes for those notes is left out: the note is
  /// already on the progress record.
  public static func records(
    from old: Portfolio, to new: Portfolio, user: String, at time: Timestamp, notes: [String: [String]] = [:]
  ) -> [HistoryRecord] {
    PortfolioDiff.changes(from: old, to: new).compactMap { change in
      let itemNotes = (notes[change.itemID] ?? []).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
      if change.field == "notes", !itemNotes.isEmpty, change.newValue.hasPrefix(change.oldValue) {
        let lines = change.newValue.dropFirst(change.oldValue.count).split(separator: "\n")
        if !lines.isEmpty, lines.allSatisfy({ line in itemNotes.contains { line.hasSuffix(". " + $0) } }) {
          return nil
        }
      }
      let note = change.field == "actualProgress" && !itemNotes.isEmpty ? itemNotes.joined(separator: " / ") : change.note
      return HistoryRecord(
        at: time.iso, user: user, id: change.itemID, field: change.field, old: change.oldValue,
        new: change.newValue, note: note)
    }
  }

  /// The progress notes of a sequence of journal entries, by id, following undo and redo.
  public static func progressNotes(_ entries: [JournalEntry]) -> [String: [String]] {
    var current: [String: [String]] = [:]
    var undo: [[String: [String]]] = []
    var redo: [[String: [String]]] = []
    func collect(_ edit: Edit, into notes: inout [String: [String]]) {
      switch edit {
      case .setProgress(let id, _, let note, _):
        if let note, !note.trimmingSpaces().isEmpty { notes[id, default: []].append(note.trimmingSpaces()) }
      case .batch(let edits): for e in edits { collect(e, into: &notes) }
      default: break
      }
    }
    for entry in entries {
      switch entry {
      case .edit(let edit):
        undo.append(current)
        redo.removeAll()
        collect(edit, into: &current)
      case .undo:
        guard let previous = undo.popLast() else { continue }
        redo.append(current)
        current = previous
      case .redo:
        guard let next = redo.popLast() else { continue }
        undo.append(current)
        current = next
      }
    }
    return current
  }

  /// Appends records (one write, fsynced). If the file's last line was torn by a crash, the new
  /// records start on a line of their own.
  public static func append(_ records: [HistoryRecord], to path: String) throws(StoreError) {
    guard !records.isEmpty else { return }
    var bytes: [UInt8] = []
    for r in records { bytes += Journal.line(r.json) }
    let created = FileSystem.kind(of: path) == .missing
    let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    if fd < 0 { throw .writeFailed(path: path, reason: FileSystem.errorText()) }
    defer { close(fd) }
    // The history holds the notes: no more readable than the data file itself.
    if created, let dataPath = dataPath(of: path) { FileSystem.matchPermissions(fd, of: dataPath) }
    var info = stat()
    if fstat(fd, &info) == 0, info.st_size > 0 {
      var last: UInt8 = 0
      if pread(fd, &last, 1, info.st_size - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
    }
    if let code = FileSystem.appendDurably(fd, bytes) {
      throw .writeFailed(path: path, reason: FileSystem.errorText(code))
    }
  }

  /// The history file's size in bytes (0 when missing): where lines written later begin.
  static func size(of path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// The whole lines appended to the history since byte `offset` (another session's save), and
  /// the offset after them. A line still being written is left for the next call. A file that
  /// shrank (replaced by hand) is read from its start.
  static func readAppended(_ path: String, from offset: Int) -> (records: [HistoryRecord], offset: Int) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return ([], 0) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return ([], offset) }
    let end = Int(info.st_size)
    let start = end < offset ? 0 : offset
    guard end > start, end - start <= PortfolioStore.sizeLimit else { return ([], end) }
    var bytes = [UInt8](repeating: 0, count: end - start)
    let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
    guard got > 0 else { return ([], start) }
    bytes.removeSubrange(got...)
    guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return ([], start) }
    var records: [HistoryRecord] = []
    for line in JSONLines.split(Array(bytes[...lastNewline])) {
      if let value = try? JSON.parse(Array(line.bytes)), let record = HistoryRecord(json: value) { records.append(record) }
    }
    return (records, start + lastNewline + 1)
  }

  public struct Contents: Equatable, Sendable {
    public var records: [HistoryRecord]
    /// Line numbers that could not be read (a torn line from a crash, a hand edit) and were skipped.
    public var skippedLines: [Int]
  }

  /// The history of the data file `dataPath`'s history file `path`, optionally only for one item
  /// (`id`, exact) and from a local day on (`since`). A missing file is an empty history.
  public static func read(_ path: String, id: String? = nil, since: Day? = nil) throws(StoreError) -> Contents {
    if FileSystem.kind(of: path) == .missing { return Contents(records: [], skippedLines: []) }
    let bytes = try FileSystem.readFile(path, limit: PortfolioStore.sizeLimit)
    var result = Contents(records: [], skippedLines: [])
    for (index, line) in JSONLines.split(bytes).enumerated() {
      guard let value = try? JSON.parse(Array(line.bytes)), let record = HistoryRecord(json: value) else {
        result.skippedLines.append(index + 1)
        continue
      }
      if let id, record.id != id { continue }
      if let since, let t = record.timestamp, t.local.day < since { continue }
      result.records.append(record)
    }
    return result
  }
}
