#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TableroJSON

/// `<file>.revisiones.jsonl`: one line per save that stamped a revision, with the hash of the
/// bytes written and the patch back to the revision before it (two lines for a merge, one per
/// parent). From the current file and these lines any recent revision can be rebuilt
/// (`RevisionRebuild`); the newest `keep` lines are kept.
///
///     {"rev":"9f…","to":"3a…","fnv1a64":"…","undo":{"set":{…},"unset":[],"items":{…}}}
public enum RevisionLog {
  public static func path(for dataPath: String) -> String { dataPath + ".revisiones.jsonl" }
  /// Lines kept: as many saves as a file keeps ancestor ids.
  public static let keep = Lineage.ancestorLimit
  /// The log is read and trimmed only once it outgrows twice the data file (at least 256 KB),
  /// and then cut to half that, so a save reads it again only after many more: the cost stays
  /// proportional to what was appended.
  static func budget(dataSize: Int) -> Int { max(256 * 1024, 2 * dataSize) }

  public struct Entry: Equatable, Sendable {
    public var revision: String
    /// The parent this entry's patch leads to (nil: the save before had no revision).
    public var parent: String?
    /// FNV-1a of the bytes saved as `revision`: tells whether the file is still that revision.
    public var hash: UInt64
    public var undo: JSONValue

    public init(revision: String, parent: String?, hash: UInt64, undo: JSONValue) {
      self.revision = revision
      self.parent = parent
      self.hash = hash
      self.undo = undo
    }

    var json: JSONValue {
      var o = JSONObject()
      o.set("rev", .string(revision))
      o.set("to", parent.map(JSONValue.string) ?? .null)
      o.set("fnv1a64", .string(Self.hex(hash)))
      o.set("undo", undo)
      return .object(o)
    }

    init?(json: JSONValue) {
      guard let rev = json["rev"]?.stringValue, let hex = json["fnv1a64"]?.stringValue,
        let hash = UInt64(hex, radix: 16), let undo = json["undo"]
      else { return nil }
      self.init(revision: rev, parent: json["to"]?.stringValue, hash: hash, undo: undo)
    }

    static func hex(_ hash: UInt64) -> String {
      let text = String(hash, radix: 16)
      return String(repeating: "0", count: 16 - text.count) + text
    }
  }

  /// The entries for one save: the patch from `saved` back to each of its parents.
  public static func entries(saved: Portfolio, hash: UInt64, parents: [(id: String?, portfolio: Portfolio)]) -> [Entry] {
    guard let revision = saved.lineage.revision?.id else { return [] }
    return parents.map { parent in
      Entry(revision: revision, parent: parent.id, hash: hash, undo: RevisionPatch.undo(from: saved, to: parent.portfolio))
    }
  }

  /// Appends (one fsynced write); drops the oldest lines once there are well over `keep`.
  public static func append(_ entries: [Entry], dataPath: String) throws(StoreError) {
    guard !entries.isEmpty else { return }
    let path = self.path(for: dataPath)
    var bytes: [UInt8] = []
    for e in entries { bytes += Journal.line(e.json) }
    let created = FileSystem.kind(of: path) == .missing
    let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    if fd < 0 { throw .writeFailed(path: path, reason: FileSystem.errorText()) }
    // The patches hold the data: no more readable than the data file itself.
    if created { FileSystem.matchPermissions(fd, of: dataPath) }
    var info = stat()
    var size = 0
    if fstat(fd, &info) == 0, info.st_size > 0 {
      size = Int(info.st_size)
      var last: UInt8 = 0
      if pread(fd, &last, 1, info.st_size - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
    }
    let code = FileSystem.appendDurably(fd, bytes)
    close(fd)
    if let code { throw .writeFailed(path: path, reason: FileSystem.errorText(code)) }
    var dataInfo = stat()
    let dataSize = stat(dataPath, &dataInfo) == 0 ? Int(dataInfo.st_size) : 0
    let budget = budget(dataSize: dataSize)
    if size + bytes.count > budget { try prune(path, dataPath: dataPath, toBytes: budget / 2) }
  }

  /// Keeps the newest lines: at most `keep`, and at most `limit` bytes (the newest line always).
  static func prune(_ path: String, dataPath: String, toBytes limit: Int) throws(StoreError) {
    let bytes = try FileSystem.readFile(path, limit: PortfolioStore.sizeLimit)
    var kept: [ArraySlice<UInt8>] = []
    var total = 0
    for line in JSONLines.split(bytes).filter(\.complete).reversed() {
      if kept.count == keep || (!kept.isEmpty && total + line.bytes.count + 1 > limit) { break }
      kept.append(line.bytes)
      total += line.bytes.count + 1
    }
    var out: [UInt8] = []
    out.reserveCapacity(total)
    for line in kept.reversed() { out += line; out.append(0x0A) }
    try FileSystem.writeAtomically(out, to: path, mode: FileSystem.sidecarMode(for: dataPath) ?? 0o600)
  }

  /// The entries beside `dataPath` (none when the file is missing); unreadable lines are skipped.
  public static func read(dataPath: String) -> [Entry] {
    let path = self.path(for: dataPath)
    guard FileSystem.kind(of: path) == .file,
      let bytes = try? FileSystem.readFile(path, limit: PortfolioStore.sizeLimit)
    else { return [] }
    return JSONLines.split(bytes).compactMap { line in
      (try? JSON.parse(Array(line.bytes))).flatMap(Entry.init(json:))
    }
  }
}
