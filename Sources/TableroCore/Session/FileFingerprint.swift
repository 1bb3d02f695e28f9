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

  public init(size: Int, mtimeNanoseconds: Int64, inode: UInt64 = 0, hash: UInt64) {
    self.size = size
    self.mtimeNanoseconds = mtimeNanoseconds
    self.inode = inode
    self.hash = hash
  }

  /// The fingerprint of bytes already read, with the file's stat taken at the same time.
  init(bytes: [UInt8], info: stat) {
    size = bytes.count
    mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    inode = UInt64(info.st_ino)
    hash = Self.fnv1a(bytes)
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
  public func changed(at path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return true }
    if Int(info.st_size) != size { return true }
    guard let now = try? Self.current(path) else { return true }
    return now.changed(since: self)
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
