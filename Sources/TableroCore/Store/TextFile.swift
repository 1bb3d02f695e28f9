/// Plain files other than the portfolio (CSV, exports), with the store's error messages.
public enum TextFile {
  public static let sizeLimit = 256 << 20

  public static func read(_ path: String) throws(StoreError) -> [UInt8] {
    try FileSystem.readFile(path, limit: sizeLimit)
  }

  /// Atomic like a portfolio save, so an export never leaves half a file.
  public static func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
    try FileSystem.writeAtomically(bytes, to: path)
  }
}
