import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tmux session running one command at a fixed size: send keys, read the screen.
struct Tmux {
  let socket: String
  let session = "e2e"

  static var isAvailable: Bool { (try? run(["tmux", "-V"]))?.status == 0 }

  /// The tablero binary built next to this test bundle.
  static var tableroBinary: String {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("tablero").path,
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tablero").path,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tablero").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }

  /// Runs a command and waits for it with posix_spawn + waitpid. Foundation's Process is not
  /// used: it waits on inherited descriptors, and a tmux server started here keeps them open.
  @discardableResult
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let outputPath = NSTemporaryDirectory() + "tablero-run-" + UUID().uuidString
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    // Test threads (libdispatch workers) block almost every signal, and a spawned child inherits
    // that mask: a tmux server started so never sees SIGCHLD/SIGTERM, ignores kill-server and
    // outlives the test with the app still running in it. Start children with no blocked signals.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let data = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data()
    return (exitCode, String(decoding: data, as: UTF8.self))
  }

  /// Starts `command` (a shell command line) in a detached 80×24 session with no status line.
  init(command: String, width: Int = 80, height: Int = 24, environment: [String: String]) throws {
    socket = NSTemporaryDirectory() + "tablero-tmux-" + UUID().uuidString.prefix(8)
    var args = ["tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
    for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
    args.append(command)
    try Tmux.run(args)
    try Tmux.run(["tmux", "-S", socket, "set-option", "-t", session, "status", "off"])
  }

  func send(_ keys: String...) throws {
    for key in keys { try Tmux.run(["tmux", "-S", socket, "send-keys", "-t", session, key]) }
  }

  /// Literal text (no key-name lookup), e.g. words with accents.
  func type(_ text: String) throws {
    try Tmux.run(["tmux", "-S", socket, "send-keys", "-t", session, "-l", text])
  }

  func capture(colors: Bool = false) throws -> String {
    try Tmux.run(["tmux", "-S", socket, "capture-pane", "-p", "-t", session] + (colors ? ["-e"] : [])).output
  }

  /// Polls the screen until `predicate` holds (the app draws asynchronously), up to `timeout`.
  func waitFor(_ timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    var previous = ""
    while Date() < deadline {
      screen = try capture()
      // Two equal captures in a row: the frame is complete, not caught halfway through.
      if predicate(screen), screen == previous { return screen }
      previous = screen
      Thread.sleep(forTimeInterval: 0.05)
    }
    return screen
  }

  func kill() {
    _ = try? Tmux.run(["tmux", "-S", socket, "kill-server"])
    try? FileManager.default.removeItem(atPath: socket)
  }
}
