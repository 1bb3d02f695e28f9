#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the store needs, with errors as text. Plain POSIX keeps the save path
/// explicit: write, fsync, rename, fsync the folder.
enum FileSystem {
  static func errorText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
  }

  enum Kind { case missing, file, directory, other }

  static func kind(of path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  static func mode(of path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
  }

  /// Reads a whole file. `limit` guards memory against a file that is not a portfolio.
  static func readFile(_ path: String, limit: Int) throws(StoreError) -> [UInt8] {
    switch kind(of: path) {
    case .missing: throw .notFound(path: path)
    case .directory: throw .isDirectory(path: path)
    case .file, .other: break
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == EACCES { throw .permissionDenied(path: path) }
      throw .unreadable(path: path, reason: errorText())
    }
    defer { close(fd) }
    var info = stat()
    let expected = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    if expected > limit { throw .tooLarge(path: path, bytes: expected) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(expected + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: errorText())
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { throw .tooLarge(path: path, bytes: bytes.count) }
    }
    return bytes
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let dir = String(path[..<slash])
    return dir.isEmpty ? "/" : dir
  }

  static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// Creates the folder and its parents (mkdir -p).
  static func makeDirectories(_ path: String) throws(StoreError) {
    if kind(of: path) == .directory { return }
    let parent = directory(of: path)
    if parent != path, parent != "/", parent != "." { try makeDirectories(parent) }
    if mkdir(path, 0o755) != 0, errno != EEXIST {
      throw .writeFailed(path: path, reason: errorText())
    }
  }

  /// Atomic, durable replace: temp file in the same folder, fsync, rename, fsync the folder.
  /// On any failure the target is untouched and the temp file removed.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StoreError) {
    let folder = directory(of: path)
    if kind(of: folder) != .directory {
      throw .writeFailed(path: path, reason: "no existe la carpeta \(folder)")
    }
    let mode = self.mode(of: path) ?? 0o644
    let temp = "\(folder)/.\(fileName(of: path)).tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    if fd < 0 { throw .writeFailed(path: path, reason: errorText()) }
    var failure: String?
    var offset = 0
    bytes.withUnsafeBytes { buffer in
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errorText()
          return
        }
        offset += written
      }
    }
    if failure == nil, fchmod(fd, mode) != 0 { failure = errorText() }
    if failure == nil, fsync(fd) != 0 { failure = errorText() }
    if close(fd) != 0, failure == nil { failure = errorText() }
    if failure == nil, rename(temp, path) != 0 { failure = errorText() }
    if let failure {
      unlink(temp)
      throw .writeFailed(path: path, reason: failure)
    }
    let dirFD = open(folder, O_RDONLY | O_CLOEXEC)
    if dirFD >= 0 {
      _ = fsync(dirFD)
      close(dirFD)
    }
  }
}
