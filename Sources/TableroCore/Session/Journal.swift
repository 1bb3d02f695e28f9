#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TableroJSON

/// The recovery journal `<file>.diario.jsonl` (JSON Lines): every edit of a session appended and
/// fsynced as it is made, so a kill, a power cut or a dropped SSH link loses at most the edit
/// in flight. A header line says whose it is and which file it applies to:
///
///     {"journal":1,"user":"ana","host":"laptop","pid":4242,"started":"2026-11-25T16:05:03Z","base":{"size":…,"mtime":…,"inode":…,"fnv1a64":"…"}}
///     {"seq":1,"at":"2026-11-25T16:05:10Z","entry":{"edit":{"op":"setProgress",…}}}
///
/// Before a save renames the new file into place, a `saved` line records the size and hash of
/// the bytes being written:
///
///     {"saved":{"size":…,"fnv1a64":"…"}}
///
/// so a kill between that rename and the journal's removal is recognised at the next start: the
/// entries before the mark are already in the file and are not applied again.
///
/// The file is created on the first append (an unedited session leaves none) and removed after
/// a successful save.
///
/// Several sessions may edit one file at once, so each has a journal of its own: the first free
/// slot of `<file>.diario.jsonl`, `<file>.diario-2.jsonl`, … `<file>.diario-32.jsonl`. The owner
/// holds an `flock` on its journal while it runs (the file appears already locked: it is written
/// under a temporary name and linked into place), so a journal nobody holds is one whose session
/// ended without saving: the next session offers to recover it.
public final class Journal {
  public static let formatVersion = 1

  public struct Header: Equatable, Sendable {
    public var version: Int
    public var user: String
    public var host: String
    public var pid: Int32
    /// ISO-8601 UTC.
    public var started: String
    /// The data file the entries apply to.
    public var base: FileFingerprint?

    public init(
      version: Int = Journal.formatVersion, user: String, host: String, pid: Int32, started: String,
      base: FileFingerprint?
    ) {
      self.version = version
      self.user = user
      self.host = host
      self.pid = pid
      self.started = started
      self.base = base
    }

    public init(_ identity: SessionIdentity, started: Timestamp, base: FileFingerprint?) {
      self.init(user: identity.user, host: identity.host, pid: identity.pid, started: started.iso, base: base)
    }

    public var json: JSONValue {
      var o = JSONObject()
      o.set("journal", .number(JSONNumber(version)))
      o.set("user", .string(user))
      o.set("host", .string(host))
      o.set("pid", .number(JSONNumber(Int(pid))))
      o.set("started", .string(started))
      o.set("base", base?.json ?? .null)
      return .object(o)
    }

    init?(json: JSONValue) {
      guard let version = json["journal"]?.intValue, let user = json["user"]?.stringValue,
        let host = json["host"]?.stringValue, let pid = json["pid"]?.intValue,
        let started = json["started"]?.stringValue
      else { return nil }
      let base = json["base"].flatMap { FileFingerprint(json: $0) }
      self.init(version: version, user: user, host: host, pid: Int32(truncatingIfNeeded: pid), started: started, base: base)
    }
  }

  public struct Record: Equatable, Sendable {
    public var seq: Int
    /// ISO-8601 UTC.
    public var at: String
    public var entry: JournalEntry
    public init(seq: Int, at: String, entry: JournalEntry) {
      self.seq = seq
      self.at = at
      self.entry = entry
    }

    public var json: JSONValue {
      .object(["seq": .number(JSONNumber(seq)), "at": .string(at), "entry": entry.json])
    }
  }

  /// A `saved` line: the file was about to be replaced by bytes of this size and hash, holding
  /// the first `recordCount` records.
  public struct SavedMark: Equatable, Sendable {
    public var recordCount: Int
    public var size: Int
    public var hash: UInt64
  }

  /// What `read` found.
  public struct Contents: Equatable, Sendable {
    /// Nil only when the file is empty or its first line was torn by a crash (then it holds no entries).
    public var header: Header?
    public var records: [Record]
    /// The line number of a final line that was cut short by a crash and ignored.
    public var ignoredTornLine: Int?
    /// Saves begun while these records were pending (normally none: a finished save removes the journal).
    public var savedMarks: [SavedMark] = []

    public var entries: [JournalEntry] { records.map(\.entry) }

    /// Drops the records a save already wrote into the file as it is now (`current`): those
    /// before the last `saved` mark whose size and hash match it. Returns how many were dropped.
    @discardableResult
    public mutating func dropSaved(current: FileFingerprint) -> Int {
      guard let mark = savedMarks.last(where: { $0.size == current.size && $0.hash == current.hash }) else { return 0 }
      let count = min(mark.recordCount, records.count)
      records.removeFirst(count)
      savedMarks = savedMarks.filter { $0.recordCount > count }
      return count
    }
  }

  public static func path(for dataPath: String) -> String { dataPath + ".diario.jsonl" }

  /// How many sessions may journal one file at once.
  public static let slotCount = 32

  /// Slot 1 is `<file>.diario.jsonl` (the only one before concurrent sessions); slot n, `<file>.diario-n.jsonl`.
  public static func path(for dataPath: String, slot: Int) -> String {
    slot <= 1 ? path(for: dataPath) : dataPath + ".diario-\(slot).jsonl"
  }

  /// The journals that exist beside `dataPath`, by slot.
  public static func existingPaths(for dataPath: String) -> [String] {
    (1...slotCount).map { path(for: dataPath, slot: $0) }.filter { FileSystem.kind(of: $0) == .file }
  }

  /// True when a running session holds the journal at `path` (its flock).
  public static func isHeldByLiveSession(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    if flock(fd, LOCK_EX | LOCK_NB) == 0 { return false }
    return errno == EWOULDBLOCK
  }

  /// Where this session's journal is (or will be, until the first append picks a free slot).
  public private(set) var path: String
  /// The data file: its permissions are the journal's.
  public let dataPath: String
  public private(set) var header: Header
  /// Entries in the file (appended by this session or adopted).
  public private(set) var count = 0
  private var fd: Int32 = -1

  public init(dataPath: String, header: Header) {
    self.path = Self.path(for: dataPath)
    self.dataPath = dataPath
    self.header = header
  }

  deinit { closeFile() }

  /// True when the file exists on disk.
  public var exists: Bool { FileSystem.kind(of: path) != .missing }

  /// Appends one entry and fsyncs it; the first call creates the file with the header in the
  /// first free slot.
  public func append(_ entry: JournalEntry, at time: Timestamp = .now) throws(StoreError) {
    if fd < 0 { try claimFreeSlot() }
    let line = Self.line(Record(seq: count + 1, at: time.iso, entry: entry).json)
    if let code = FileSystem.appendDurably(fd, line) {
      throw .journalFailed(path: path, reason: FileSystem.errorText(code))
    }
    count += 1
  }

  /// Appends a `saved` mark (size and hash of the bytes a save is about to rename into place),
  /// when this session has a journal file. Best effort: a save is not refused because of it.
  public func markSaving(size: Int, hash: UInt64) {
    guard fd >= 0 else { return }
    let hex = String(hash, radix: 16)
    let mark: JSONValue = .object([
      "saved": .object([
        "size": .number(JSONNumber(size)), "fnv1a64": .string(String(repeating: "0", count: 16 - hex.count) + hex),
      ])
    ])
    _ = FileSystem.appendDurably(fd, Self.line(mark))
  }

  /// Replaces the file with `header` and `records` renumbered (used to take over a recovered
  /// journal, and to rebase the edits on a newer version of the file, so later edits continue
  /// it). Atomic: the old file stays until the new one is whole, and the new one is locked
  /// before it takes the old one's place.
  public func rewrite(header: Header, records: [Record]) throws(StoreError) {
    var bytes = Self.line(header.json)
    for (i, record) in records.enumerated() {
      bytes += Self.line(Record(seq: i + 1, at: record.at, entry: record.entry).json)
    }
    if fd < 0 {
      // No slot yet (the edits came from a journal set aside, or none was written): take one.
      self.header = header
      try claimFreeSlot(contents: bytes)
    } else {
      let opened = try writeLockedTemporary(bytes)
      if rename(opened.temp, path) != 0 {
        let reason = FileSystem.errorText()
        close(opened.fd)
        unlink(opened.temp)
        throw .journalFailed(path: path, reason: reason)
      }
      FileSystem.syncDirectory(FileSystem.directory(of: path))
      closeFile()
      fd = opened.fd
    }
    self.header = header
    count = records.count
  }

  /// Makes an existing journal (an ended session's, offered for recovery) this session's: it is
  /// locked so no other session offers it too. False when a running session holds it.
  public func adopt(_ existing: String) -> Bool {
    let opened = open(existing, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard opened >= 0 else { return false }
    guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
      close(opened)
      return false
    }
    closeFile()
    fd = opened
    path = existing
    count = 0
    return true
  }

  /// Deletes the file (after a successful save, or when the user discards it).
  public func remove() {
    if fd >= 0, unlink(path) == 0 { FileSystem.syncDirectory(FileSystem.directory(of: path)) }
    closeFile()
    count = 0
  }

  /// Lets go of the file without deleting it (it was renamed aside, or the session ends
  /// keeping it for the next start).
  public func release() {
    closeFile()
    count = 0
  }

  /// Starts over with a new base (after a save or a reload) without creating the file; the
  /// next `append` writes the new header. With `removingFile: false` the file, if any, stays as
  /// it is (only the header for the next one changes).
  public func reset(header: Header, removingFile: Bool = true) {
    if removingFile { remove() }
    self.header = header
  }

  private func closeFile() {
    if fd >= 0 { close(fd) }
    fd = -1
  }

  /// Creates this session's journal (the header, or `contents`) in the first free slot. The
  /// file is complete and locked before it appears under its name.
  private func claimFreeSlot(contents: [UInt8]? = nil) throws(StoreError) {
    let bytes = contents ?? Self.line(header.json)
    for slot in 1...Self.slotCount {
      let target = Self.path(for: dataPath, slot: slot)
      if FileSystem.kind(of: target) != .missing { continue }
      let opened = try writeLockedTemporary(bytes, beside: target)
      if link(opened.temp, target) == 0 {
        unlink(opened.temp)
        FileSystem.syncDirectory(FileSystem.directory(of: target))
        closeFile()
        fd = opened.fd
        path = target
        count = 0
        return
      }
      let code = errno
      close(opened.fd)
      unlink(opened.temp)
      if code == EEXIST { continue }
      // No hard links here (FAT): create exclusively, then lock and write in place.
      let created = open(target, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
      if created < 0 {
        if errno == EEXIST { continue }
        throw .journalFailed(path: target, reason: FileSystem.errorText())
      }
      _ = flock(created, LOCK_EX | LOCK_NB)
      FileSystem.matchPermissions(created, of: dataPath)
      if let problem = FileSystem.appendDurably(created, bytes) {
        close(created)
        unlink(target)
        throw .journalFailed(path: target, reason: FileSystem.errorText(problem))
      }
      closeFile()
      fd = created
      path = target
      count = 0
      return
    }
    throw .journalFailed(
      path: Self.path(for: dataPath),
      reason: "hay \(Self.slotCount) sesiones con cambios sin guardar en este archivo / \(Self.slotCount) sessions have unsaved edits on this file")
  }

  /// `bytes` in a locked, fsynced temporary file beside `target` (default: this journal).
  private func writeLockedTemporary(_ bytes: [UInt8], beside target: String? = nil) throws(StoreError) -> (fd: Int32, temp: String) {
    let target = target ?? path
    let temp = FileSystem.directory(of: target) + "/." + FileSystem.fileName(of: target) + ".tmp-\(getpid())"
    let opened = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
    if opened < 0 { throw .journalFailed(path: target, reason: FileSystem.errorText()) }
    _ = flock(opened, LOCK_EX | LOCK_NB)
    FileSystem.matchPermissions(opened, of: dataPath)
    if let problem = FileSystem.appendDurably(opened, bytes) {
      close(opened)
      unlink(temp)
      throw .journalFailed(path: target, reason: FileSystem.errorText(problem))
    }
    return (opened, temp)
  }

  static func line(_ value: JSONValue) -> [UInt8] {
    var bytes = JSONWriter.compactBytes(value)
    bytes.append(0x0A)
    return bytes
  }

  /// Reads a journal. A last line cut short by a crash (no final newline, or not parsable) is
  /// ignored and reported in `ignoredTornLine`; damage anywhere else throws `.journalCorrupt`.
  public static func read(_ path: String) throws(StoreError) -> Contents {
    let bytes = try FileSystem.readFile(path, limit: PortfolioStore.sizeLimit)
    let lines = JSONLines.split(bytes)
    var contents = Contents(header: nil, records: [], ignoredTornLine: nil)
    for (index, line) in lines.enumerated() {
      let number = index + 1
      let isLast = index == lines.count - 1
      let value: JSONValue
      do {
        guard line.complete else { throw JSONLines.Torn() }
        value = try JSON.parse(Array(line.bytes))
      } catch {
        if isLast {
          contents.ignoredTornLine = number
          break
        }
        throw .journalCorrupt(path: path, line: number, reason: "JSON no válido / invalid JSON")
      }
      if index == 0 {
        guard let header = Header(json: value) else {
          throw .journalCorrupt(path: path, line: 1, reason: "no es la cabecera de un diario / not a journal header")
        }
        guard header.version == formatVersion else {
          throw .journalCorrupt(path: path, line: 1, reason: "versión \(header.version) desconocida / unknown version")
        }
        contents.header = header
        continue
      }
      if let saved = value["saved"], let size = saved["size"]?.intValue,
        let hex = saved["fnv1a64"]?.stringValue, let hash = UInt64(hex, radix: 16)
      {
        contents.savedMarks.append(SavedMark(recordCount: contents.records.count, size: size, hash: hash))
        continue
      }
      guard let seq = value["seq"]?.intValue, let at = value["at"]?.stringValue, let entryValue = value["entry"] else {
        if isLast { contents.ignoredTornLine = number; break }
        throw .journalCorrupt(path: path, line: number, reason: "faltan seq, at o entry / seq, at or entry missing")
      }
      let entry: JournalEntry
      do {
        entry = try JournalEntry(json: entryValue, path: "entry")
      } catch {
        throw .journalCorrupt(path: path, line: number, reason: error.description)
      }
      if let previous = contents.records.last?.seq, seq <= previous {
        throw .journalCorrupt(path: path, line: number, reason: "seq \(seq) fuera de orden / out of order")
      }
      contents.records.append(Record(seq: seq, at: at, entry: entry))
    }
    return contents
  }
}

/// Splitting JSON Lines files, keeping whether the last line was finished.
enum JSONLines {
  struct Torn: Error {}

  struct Line {
    var bytes: ArraySlice<UInt8>
    /// Ended with a newline.
    var complete: Bool
  }

  /// Non-empty lines; blank lines are skipped.
  static func split(_ bytes: [UInt8]) -> [Line] {
    var lines: [Line] = []
    var start = 0
    for i in bytes.indices where bytes[i] == 0x0A {
      if i > start { lines.append(Line(bytes: bytes[start..<i], complete: true)) }
      start = i + 1
    }
    if start < bytes.count {
      let tail = bytes[start...]
      // NULs left by a power cut after the file grew but before the data reached the disk.
      if tail.contains(where: { $0 != 0 }) { lines.append(Line(bytes: tail, complete: false)) }
    }
    return lines
  }
}
