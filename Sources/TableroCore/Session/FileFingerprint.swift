#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TableroJSON

/// What a data file looked like when it was loaded or saved: size, modification time (ns),
/// inode and a 64-bit FNV-1a hash of its bytes. Compared before every save to catch edits by
/// other programs (a git pull, a copy from a USB stick, another editor).
public struct FileFingerprint: Hashable, Sendable {
  public var size: Int
  /// st_mtim in nanoseconds since the epoch.
  public var mtimeNanoseconds: Int64
  public var inode: UInt64
  /// FNV-1a 64 of the bytes.
  public var hash: UInt64
  /// st_ctim in nanoseconds (0: unknown, as in a journal header). Nobody can set a ctime: any
  /// write, rename onto the path or `touch -d` moves it, so an unchanged ctime means unchanged bytes.
  public var ctimeNanoseconds: Int64
  /// When the stat was taken (CLOCK_REALTIME, ns; 0: unknown).
  public var recordedAtNanoseconds: Int64

  public init(
    size: Int, mtimeNanoseconds: Int64, inode: UInt64 = 0, hash: UInt64, ctimeNanoseconds: Int64 = 0,
    recordedAtNanoseconds: Int64 = 0
  ) {
    self.size = size
    self.mtimeNanoseconds = mtimeNanoseconds
    self.inode = inode
    self.hash = hash
    self.ctimeNanoseconds = ctimeNanoseconds
    self.recordedAtNanoseconds = recordedAtNanoseconds
  }

  /// The fingerprint of bytes already read, with the file's stat taken at the same time.
  init(bytes: [UInt8], info: stat) {
    self.init(bytes: bytes, info: info, hash: Self.fnv1a(bytes))
  }

  /// As `init(bytes:info:)` with the hash already computed (while writing or reading).
  init(bytes: [UInt8], info: stat, hash: UInt64) {
    size = bytes.count
    mtimeNanoseconds = Self.nanoseconds(info.st_mtim)
    inode = UInt64(info.st_ino)
    self.hash = hash
    ctimeNanoseconds = Self.nanoseconds(info.st_ctim)
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    recordedAtNanoseconds = Self.nanoseconds(now)
  }

  static func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }

  /// How long a ctime must be older than the stat that recorded it before it is trusted: a write
  /// in the same clock tick as the stat could otherwise keep the same ctime (git's "racy" case).
  /// Two seconds also covers file systems with coarse clocks (FAT).
  static let settledNanoseconds: Int64 = 2_000_000_000

  /// How `changed(at:)` decided, for tests of the fast path.
  enum Check: Equatable {
    /// Size, inode, mtime and a settled ctime all as recorded: the bytes were not read.
    case sameStat
    /// Another size, or gone: nothing to read.
    case differentStat
    /// The bytes were read and hashed; `changed` says whether they differ.
    case hashed(changed: Bool)
  }

  /// Reads the file now; nil when it does not exist.
  public static func current(_ path: String) throws(StoreError) -> FileFingerprint? {
    if FileSystem.kind(of: path) == .missing { return nil }
    let (bytes, info) = try FileSystem.readFileAndInfo(path, limit: PortfolioStore.sizeLimit)
    return FileFingerprint(bytes: bytes, info: info)
  }

  /// True when the file at `path` no longer holds the bytes this fingerprint describes (or is
  /// gone). A different size answers at once; otherwise the bytes are read and hashed (a few ms
  /// per MB), so a `touch` or a checkout of identical content is not a change, and a change
  /// that kept size and mtime (FAT's 2-second clock, a restored mtime) still is.
  /// Before that, when size, inode, mtime and ctime are all as recorded and the ctime had settled
  /// when recorded, the file is unchanged without reading it (a save at 100k no longer re-reads
  /// and hashes 61 MB).
  public func changed(at path: String) -> Bool {
    switch check(at: path) {
    case .sameStat: false
    case .differentStat: true
    case .hashed(let changed): changed
    }
  }

  func check(at path: String) -> Check {
    var info = stat()
    guard stat(path, &info) == 0 else { return .differentStat }
    if Int(info.st_size) != size { return .differentStat }
    if statIsUnchanged(info) { return .sameStat }
    guard let now = try? Self.current(path) else { return .differentStat }
    return .hashed(changed: now.changed(since: self))
  }

  private func statIsUnchanged(_ info: stat) -> Bool {
    ctimeNanoseconds != 0 && recordedAtNanoseconds - ctimeNanoseconds >= Self.settledNanoseconds
      && UInt64(info.st_ino) == inode && Self.nanoseconds(info.st_mtim) == mtimeNanoseconds
      && Self.nanoseconds(info.st_ctim) == ctimeNanoseconds
  }

  /// True when `self` (now) describes other bytes than `baseline` (then).
  public func changed(since baseline: FileFingerprint) -> Bool {
    size != baseline.size || hash != baseline.hash
  }

  /// 16 hex digits.
  public var hashHex: String {
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBufferPointer { buffer in
      for b in buffer {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
      }
    }
    return h
  }

  /// `{"size":…,"mtime":…,"inode":…,"fnv1a64":"…"}` as in the journal header.
  public var json: JSONValue {
    .object([
      "size": .number(JSONNumber(size)),
      "mtime": .number(JSONNumber(Int(mtimeNanoseconds))),
      "inode": .number(JSONNumber(lexeme: String(inode)) ?? JSONNumber(0)),
      "fnv1a64": .string(hashHex),
    ])
  }

  public init?(json: JSONValue) {
    guard let size = json["size"]?.intValue, let mtime = json["mtime"]?.numberValue.flatMap({ Int64($0.text) }),
      let hex = json["fnv1a64"]?.stringValue, let hash = UInt64(hex, radix: 16)
    else { return nil }
    let inode = json["inode"]?.numberValue.flatMap { UInt64($0.text) } ?? 0
    self.init(size: size, mtimeNanoseconds: mtime, inode: inode, hash: hash)
  }
}
