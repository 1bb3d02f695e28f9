/// Reads and writes portfolio files. A failed load never writes; a save is atomic and durable.
public enum PortfolioStore {
  /// Files larger than this are refused before reading: no portfolio comes near it
  /// (100k initiatives take about 66 MB).
  public static let sizeLimit = 1 << 30

  public static func load(from path: String) throws(StoreError) -> LoadedPortfolio {
    let bytes = try FileSystem.readFile(path, limit: sizeLimit)
    return try PortfolioCodec.decode(bytes, path: path)
  }

  public static func save(_ portfolio: Portfolio, to path: String) throws(StoreError) {
    try FileSystem.writeAtomically(PortfolioCodec.encode(portfolio), to: path)
  }

  /// Writes a new file, creating its folder; refuses to replace one unless `force`.
  public static func create(_ portfolio: Portfolio, at path: String, force: Bool) throws(StoreError) {
    if !force, FileSystem.kind(of: path) != .missing { throw .alreadyExists(path: path) }
    try FileSystem.makeDirectories(FileSystem.directory(of: path))
    try save(portfolio, to: path)
  }

  public static func exists(_ path: String) -> Bool { FileSystem.kind(of: path) != .missing }
}
