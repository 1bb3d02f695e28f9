import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `git` in a folder and captures what it prints. Output goes through temporary files,
/// not pipes, so no amount of output can block either side. Stdin is /dev/null: git asks for
/// passwords on the terminal itself (/dev/tty), never on stdin.
struct GitProcess {
  struct Result {
    var status: Int32
    var output: [UInt8]
    var errorOutput: [UInt8]
    var ok: Bool { status == 0 }
    /// Stdout as text without the final newline.
    var text: String {
      var s = String(decoding: output, as: UTF8.self)
      while s.hasSuffix("\n") { s.removeLast() }
      return s
    }
    /// Git's own explanation, for messages: stderr's lines, else stdout's.
    var message: String {
      var err = String(decoding: errorOutput, as: UTF8.self)
      while let last = err.last, last.isWhitespace { err.removeLast() }
      return err.isEmpty ? text : err
    }
  }

  /// The folder git runs in (`-C`).
  let directory: String
  /// `-c name=value` settings for this run only.
  var settings: [String] = []

  func run(_ arguments: [String]) -> Result {
    var argv = ["git", "-C", directory]
    for setting in settings { argv += ["-c", setting] }
    argv += arguments
    guard let out = TemporaryFile(), let err = TemporaryFile() else {
      return Result(status: 127, output: [], errorOutput: Array("no se pudo crear un archivo temporal / could not create a temporary file".utf8))
    }
    defer {
      out.remove()
      err.remove()
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, out.fd, 1)
    posix_spawn_file_actions_adddup2(&actions, err.fd, 2)
    // Git never prompts on stdin (it is /dev/null); a terminal prompt for credentials still works.
    var environment = Self.inheritedEnvironment()
    environment.append("GIT_EDITOR=:")
    environment.append("GIT_MERGE_AUTOEDIT=no")
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup($0) } + [nil]
    defer {
      for p in cArgs { free(p) }
      for p in cEnv { free(p) }
    }
    // Git starts with no signal blocked, whatever this process holds (SignalShield).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let spawned = posix_spawnp(&pid, "git", &actions, &attributes, cArgs, cEnv)
    guard spawned == 0 else {
      return Result(status: 127, output: [], errorOutput: Array("git: \(String(cString: strerror(spawned)))".utf8))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Result(status: code, output: out.contents(), errorOutput: err.contents())
  }

  func run(_ arguments: String...) -> Result { run(arguments) }

  /// This process's environment, without git variables that would point it at another
  /// repository (a sync started from inside a git hook must still act on the data file's).
  private static func inheritedEnvironment() -> [String] {
    var result: [String] = []
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      let name = text.prefix { $0 != "=" }
      if !["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EDITOR", "GIT_MERGE_AUTOEDIT"].contains(String(name)) {
        result.append(text)
      }
      pointer += 1
    }
    return result
  }
}

/// An unlinked-on-removal temporary file for a child's output.
private final class TemporaryFile {
  let fd: Int32
  let path: String

  init?() {
    let folder = Environment.value("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((folder + "/tablero-git-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { return nil }
    self.fd = fd
    path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func contents() -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var offset: off_t = 0
    while true {
      let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      bytes += buffer[0..<n]
      offset += off_t(n)
    }
    return bytes
  }

  func remove() {
    close(fd)
    unlink(path)
  }
}
