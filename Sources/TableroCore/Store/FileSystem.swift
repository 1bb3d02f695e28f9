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
    try readFileAndInfo(path, limit: limit).0
  }

  /// Like `readFile`, with the `fstat` of the descriptor the bytes came from (taken after
  /// reading, so a fingerprint describes the bytes read unless the file changes meanwhile).
  static func readFileAndInfo(_ path: String, limit: Int) throws(StoreError) -> ([UInt8], stat) {
    switch kind(of: path) {
    case .missing: throw .notFound(path: path)
    case .directory: throw .isDirectory(path: path)
    case .file, .other: break
    }
    // O_NONBLOCK for the open only: a FIFO with no writer would otherwise block forever.
    // Reads are blocking again, so a pipe being written (`<(git show …)`) is read to its end.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
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
    _ = fstat(fd, &info)
    return (bytes, info)
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

  /// Atomic, durable replace: temp file in the same folder, fsync, keep the previous version as
  /// `<file>.bak` (rotating `.bak.1`, `.bak.2` … up to `backups` versions), rename, fsync the folder.
  /// On any failure the target is untouched and the temp file removed. A symlink is followed, so
  /// the link stays and its target is replaced.
  /// `beforeReplacing` runs once the temporary file is durable, just before the backup and the
  /// rename (a save marks its journal there); it answers true when the caller knows the new
  /// bytes differ from the file's, so the file is not read again to compare, nil when unknown.
  static func writeAtomically(
    _ bytes: [UInt8], to requestedPath: String, backups: Int = 0, mode requestedMode: mode_t? = nil, faults: SaveFaults? = nil,
    beforeReplacing: (() -> Bool?)? = nil
  ) throws(StoreError) {
    let path = resolvingSymlink(requestedPath)
    let folder = directory(of: path)
    if kind(of: folder) != .directory {
      throw .writeFailed(
        path: requestedPath,
        reason: "la carpeta \(folder) ya no existe: ¿se movió, renombró o borró? / the folder is gone: moved, renamed or deleted?")
    }
    let mode = requestedMode ?? self.mode(of: path) ?? 0o644
    let temp = "\(folder)/.\(fileName(of: path)).tmp-\(getpid())"
    func fail(_ step: SaveStep, _ code: Int32 = errno) -> String {
      "\(step.label): \(errorText(code))"
    }
    if let code = faults?.code(.createTemp) { throw .writeFailed(path: requestedPath, reason: fail(.createTemp, code)) }
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    if fd < 0 { throw .writeFailed(path: requestedPath, reason: fail(.createTemp)) }
    var failure: String?
    if let code = faults?.code(.write) {
      // A partial write, as a full disk leaves it, then the failure.
      _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, min($0.count, 100)) }
      failure = fail(.write, code)
    } else {
      failure = writeAll(fd, bytes).map { fail(.write, $0) }
    }
    if failure == nil, fchmod(fd, mode) != 0 { failure = fail(.write) }
    if failure == nil, let code = faults?.code(.fsync) { failure = fail(.fsync, code) }
    if failure == nil, fsync(fd) != 0 { failure = fail(.fsync) }
    if close(fd) != 0, failure == nil { failure = fail(.write) }
    let knownToDiffer = failure == nil ? beforeReplacing?() : nil
    // A save that changes nothing keeps the backups as they are: rotating would push the
    // previous real versions out with copies of the current one (RELIABILITY.md).
    if failure == nil, backups > 0, kind(of: path) == .file, knownToDiffer == true || !holds(path, exactly: bytes) {
      if let code = faults?.code(.backup) {
        failure = fail(.backup, code)
      } else if let problem = keepBackup(of: path, versions: backups, mode: mode, hardLinks: faults?.noHardLinks != true) {
        failure = "\(SaveStep.backup.label): \(problem)"
      }
    }
    if failure == nil, let code = faults?.code(.rename) { failure = fail(.rename, code) }
    if failure == nil, rename(temp, path) != 0 { failure = fail(.rename) }
    if let failure {
      unlink(temp)
      throw .writeFailed(path: requestedPath, reason: failure)
    }
    syncDirectory(folder)
  }

  /// True when the file at `path` has exactly `bytes` (sizes compared first, so a changed
  /// file is usually told apart without reading it).
  static func holds(_ path: String, exactly bytes: [UInt8]) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
    guard let current = try? readFile(path, limit: PortfolioStore.sizeLimit) else { return false }
    return current == bytes
  }

  /// The steps of a save, named in failure messages and used to inject failures in tests.
  enum SaveStep: Hashable, Sendable {
    case createTemp, write, fsync, backup, rename
    var label: String {
      switch self {
      case .createTemp: "crear el archivo temporal / create the temporary file"
      case .write: "escribir / write"
      case .fsync: "fsync"
      case .backup: "copia de seguridad / backup"
      case .rename: "reemplazar / rename"
      }
    }
  }

  /// Failures to simulate (errno per step), for tests of what a save leaves behind.
  struct SaveFaults: Sendable {
    var codes: [SaveStep: Int32]
    /// As on a FAT USB stick: link() fails, so backups are copies.
    var noHardLinks = false
    init(_ codes: [SaveStep: Int32] = [:], noHardLinks: Bool = false) {
      self.codes = codes
      self.noHardLinks = noHardLinks
    }
    func code(_ step: SaveStep) -> Int32? { codes[step] }
  }

  /// `<file>.bak`, then `.bak.1`, `.bak.2` …: the `versions` most recent previous versions.
  static func backupPaths(for path: String, versions: Int) -> [String] {
    (0..<max(0, versions)).map { $0 == 0 ? "\(path).bak" : "\(path).bak.\($0)" }
  }

  /// Rotates the backups and makes `<file>.bak` the current file: a hard link (no copy, no
  /// space), or a copy where links are not supported (FAT USB sticks). Nil when it worked.
  static func keepBackup(of path: String, versions: Int, mode: mode_t, hardLinks: Bool = true) -> String? {
    let names = backupPaths(for: resolvingSymlink(path), versions: versions)
    guard let first = names.first else { return nil }
    for i in stride(from: names.count - 1, to: 0, by: -1) where kind(of: names[i - 1]) == .file {
      _ = rename(names[i - 1], names[i])
    }
    if kind(of: first) != .missing { unlink(first) }
    if hardLinks, link(path, first) == 0 { return nil }
    // EPERM/EOPNOTSUPP/EXDEV… : copy instead.
    do {
      let old = try readFile(path, limit: PortfolioStore.sizeLimit)
      let folder = directory(of: first)
      let temp = "\(folder)/.\(fileName(of: first)).tmp-\(getpid())"
      let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
      if fd < 0 { return errorText() }
      _ = fchmod(fd, mode)  // not narrowed by the umask: the same permissions as the data
      var problem = writeAll(fd, old).map { errorText($0) }
      if problem == nil, fsync(fd) != 0 { problem = errorText() }
      if close(fd) != 0, problem == nil { problem = errorText() }
      if problem == nil, rename(temp, first) != 0 { problem = errorText() }
      if problem != nil { unlink(temp) }
      return problem
    } catch {
      return error.describe(.es)
    }
  }

  /// Writes everything, retrying short writes and EINTR; the errno on failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var offset = 0
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if written == 0 { failure = EIO; return }
        offset += written
      }
    }
    return failure
  }

  /// fsync on the folder, so a rename or a new file survives a power cut.
  static func syncDirectory(_ folder: String) {
    let dirFD = open(folder, O_RDONLY | O_CLOEXEC)
    if dirFD >= 0 {
      _ = fsync(dirFD)
      close(dirFD)
    }
  }

  /// The target of a symlink (so saving keeps the link); the path itself otherwise. A link
  /// whose target was deleted still resolves to that target, so a save recreates it there
  /// instead of replacing the link with a file.
  static func resolvingSymlink(_ path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    // Dangling: follow the chain by hand (bounded, as the kernel does, against loops).
    var current = path
    for _ in 0..<40 {
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, Int(PATH_MAX))
      guard count > 0 else { return current }
      let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : directory(of: current) + "/" + target
    }
    return path
  }

  /// Appends one block to a file opened with O_APPEND and fsyncs it. If the write fails
  /// part-way, the file is cut back to its previous length so no torn line stays behind.
  static func appendDurably(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var info = stat()
    let before = fstat(fd, &info) == 0 ? info.st_size : -1
    if let code = writeAll(fd, bytes) {
      if before >= 0 { _ = ftruncate(fd, before) }
      return code
    }
    if fdatasync(fd) != 0 { return errno }
    return nil
  }

  /// Removes temporary files left beside `path` by saves that were killed (`.<name>….tmp-<pid>`
  /// whose process is gone). Called by a session that holds the lock.
  static func removeStaleTemporaries(for path: String) {
    let target = resolvingSymlink(path)
    let folder = directory(of: target)
    let prefix = "." + fileName(of: target) + "."
    guard let dir = opendir(folder) else { return }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix), let marker = name.range(of: ".tmp-", options: .backwards),
        let pid = Int32(name[marker.upperBound...]), pid > 0
      else { continue }
      if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
        unlink("\(folder)/\(name)")
      }
    }
  }
}
