/// Reads and writes portfolio files. A failed load never writes; a save is atomic and durable.
public enum PortfolioStore {
  /// Files larger than this are refused before reading: no portfolio comes near it
  /// (100k initiatives take about 66 MB).
  public static let sizeLimit = 1 << 30

  public static func load(from path: String) throws(StoreError) -> LoadedPortfolio {
    let bytes = try FileSystem.readFile(path, limit: sizeLimit)
    return try PortfolioCodec.decode(bytes, path: path)
  }

  /// Previous versions kept beside the file by a save: `<file>.bak`, `.bak.1`, `.bak.2`.
  public static let backupVersions = 3

  /// Atomic, durable save that keeps the previous version as `<file>.bak` (see `backupVersions`).
  public static func save(_ portfolio: Portfolio, to path: String, backups: Int = backupVersions) throws(StoreError) {
    try write(PortfolioCodec.encode(portfolio), to: path, backups: backups)
  }

  /// Writes already-encoded bytes like `save` does; `beforeReplacing` as in `FileSystem.writeAtomically`.
  public static func write(
    _ bytes: [UInt8], to path: String, backups: Int = backupVersions, beforeReplacing: (() -> Bool?)? = nil
  ) throws(StoreError) {
    try FileSystem.writeAtomically(bytes, to: path, backups: backups, beforeReplacing: beforeReplacing)
  }

  /// `write` with simulated failures, for tests of what a failed save leaves behind.
  static func write(_ bytes: [UInt8], to path: String, backups: Int = backupVersions, faults: FileSystem.SaveFaults)
    throws(StoreError)
  {
    try FileSystem.writeAtomically(bytes, to: path, backups: backups, faults: faults)
  }

  /// The backup files a save keeps for `path`, newest first.
  public static func backupPaths(for path: String) -> [String] {
    FileSystem.backupPaths(for: path, versions: backupVersions)
  }

  /// Writes a new file, creating its folder; refuses to replace one unless `force`.
  public static func create(_ portfolio: Portfolio, at path: String, force: Bool) throws(StoreError) {
    if !force, FileSystem.kind(of: path) != .missing { throw .alreadyExists(path: path) }
    try FileSystem.makeDirectories(FileSystem.directory(of: path))
    try save(portfolio, to: path)
  }

  public static func exists(_ path: String) -> Bool { FileSystem.kind(of: path) != .missing }
}
