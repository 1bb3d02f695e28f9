import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One run of the real binary in tmux (signal, conflict and stale-lock tests): a wrapper script records
/// `stty -a` before and after, the app's pid (written just before `exec`, so it is the app's
/// own), its stderr and exit status. Each run has its own folder and demo portfolio.
struct TUIRun {
  let folder: String
  let file: String
  let tmux: Tmux
  let label: String

  static let environment = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]

  /// Initiatives of the demo portfolio with progress ≤ 20%, so any value above 20 is a change.
  static let editable = [
    "PGS-06", "PGS-07", "PGS-08", "PGS-09", "PGS-10", "INTS-08", "INTS-09", "INTS-10", "INTS-11", "INTS-12", "INTS-13",
    "INTS-14",
  ]

  /// Creates the folder and the demo file, runs `beforeStart(file)`, and starts the app (run 1).
  init(label: String, environment extra: [String: String] = [:], beforeStart: (String) throws -> Void = { _ in }) throws {
    self.label = label
    folder = NSTemporaryDirectory() + "tablero-sig-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    file = folder + "/demo.json"
    let result = try Tmux.run([Tmux.tableroBinary, "init", file, "--demo"])
    #expect(result.status == 0, "\(result.output)")
    let script = """
      #!/bin/sh
      D="$1"; N="$2"
      stty -a > "$D/before$N.txt"
      sh -c 'echo $$ > "$0/pid$1.txt"; exec "$2" --file "$3" 2> "$0/stderr$1.txt"' "$D" "$N" "\(Tmux.tableroBinary)" "\(file)"
      echo "EXIT=$?" > "$D/exit$N.txt"
      stty -a > "$D/after$N.txt"
      sleep 60
      """
    try script.write(toFile: folder + "/run.sh", atomically: true, encoding: .utf8)
    try beforeStart(file)
    tmux = try Tmux(
      command: "sh \(folder)/run.sh \(folder) 1", environment: Self.environment.merging(["HOME": folder]) { $1 }.merging(extra) { $1 })
  }

  /// Starts the app again in a new tmux session (run number `n`).
  func restart(_ n: Int, environment extra: [String: String] = [:]) throws -> Tmux {
    try Tmux(
      command: "sh \(folder)/run.sh \(folder) \(n)", environment: Self.environment.merging(["HOME": folder]) { $1 }.merging(extra) { $1 })
  }

  func text(_ name: String) -> String? { try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) }

  /// The app's pid once the wrapper wrote it.
  func pid(_ n: Int = 1, timeout: Double = 10) -> pid_t? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = text("pid\(n).txt"), text.hasSuffix("\n"), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
        return pid
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return nil
  }

  /// Waits for the app of run `n` to end; its `EXIT=…` line, or nil after `timeout`.
  func waitForExit(_ n: Int = 1, timeout: Double = 10) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let exit = text("exit\(n).txt"), exit.hasSuffix("\n"), let after = text("after\(n).txt"), after.contains("\n") {
        // `stty -a` may still be writing: wait until two reads agree.
        Thread.sleep(forTimeInterval: 0.05)
        if text("after\(n).txt") == after { return exit.trimmingCharacters(in: .whitespacesAndNewlines) }
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return nil
  }

  /// `stty -a` after equals before.
  func terminalIsSane(_ n: Int = 1) -> Bool {
    guard let before = text("before\(n).txt"), let after = text("after\(n).txt") else { return false }
    return !before.isEmpty && before == after
  }

  /// Sets `id`'s progress to `value` through the edit form and waits for the confirmation.
  func edit(_ id: String, _ value: Int, on tmux: Tmux) throws -> Bool {
    try tmux.send("/")
    try tmux.type(id)
    try tmux.send("Enter")
    _ = try tmux.waitFor { $0.contains("\(id) · esperado") }
    try tmux.send("e")
    _ = try tmux.waitFor { $0.contains("Avance real de \(id)") }
    try tmux.send("C-u")
    try tmux.type(String(value))
    try tmux.send("Enter")
    let screen = try tmux.waitFor { $0.contains("\(id): avance") && $0.contains("→ \(value)") }
    return screen.contains("\(id): avance")
  }

  /// The progress of each initiative in the file on disk.
  func progressOnDisk() throws -> [String: Double] {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let initiatives = try #require(json["initiatives"] as? [[String: Any]])
    var result: [String: Double] = [:]
    for i in initiatives {
      if let id = i["id"] as? String, let p = i["actualProgress"] as? NSNumber { result[id] = p.doubleValue }
    }
    return result
  }

  /// Restarts, checks that the recovery prompt lists every edit, applies, saves and quits;
  /// true when the file then holds all of them and no journal is left.
  func recoverAll(_ edits: [(String, Int)], run n: Int) throws -> Bool {
    let again = try restart(n)
    defer { again.kill() }
    var screen = try again.waitFor { $0.contains("Cambios sin guardar de una sesión anterior") }
    #expect(screen.contains("Hay \(edits.count) cambio"), "\(label): \(screen)")
    try again.send("v")
    // Each edit is listed as "ID: avance 10% → 73%".
    func offered(_ s: String, _ id: String, _ value: Int) -> Bool {
      s.split(separator: "\n").contains { $0.contains("\(id): avance") && $0.contains("→ \(value)%") }
    }
    screen = try again.waitFor { s in edits.allSatisfy { offered(s, $0.0, $0.1) } }
    for (id, value) in edits { #expect(offered(screen, id, value), "\(label): \(id) \(value) not offered\n\(screen)") }
    try again.send("a")
    _ = try again.waitFor { $0.contains("Cambios recuperados") }
    try again.send("s")
    _ = try again.waitFor { $0.contains("Guardado en") }
    try again.send("q")
    let exit = waitForExit(n)
    #expect(exit == "EXIT=0", "\(label): second run ended with \(exit ?? "no exit")")
    #expect(terminalIsSane(n), "\(label): stty changed in the second run")
    let onDisk = try progressOnDisk()
    let missing = edits.filter { onDisk[$0.0] != Double($0.1) }
    #expect(missing.isEmpty, "\(label): not recovered: \(missing)")
    #expect(!FileManager.default.fileExists(atPath: file + ".diario.jsonl"), "\(label): journal left after saving")
    return missing.isEmpty
  }

  /// Sends arbitrary navigation keys from another thread until `stop` is set, so a signal can
  /// land while the app is busy drawing.
  static func startKeyBurst(_ tmux: Tmux, count: Int) -> Thread {
    let keys = ["j", "k", "Down", "Up", "NPage", "PPage", "Home", "End", "j", "j"]
    let thread = Thread {
      for i in 0..<count { _ = try? tmux.send(keys[i % keys.count]) }
    }
    thread.start()
    return thread
  }

  func cleanUp() {
    tmux.kill()
    try? FileManager.default.removeItem(atPath: folder)
  }
}

/// SplitMix64, seeded from the environment so a run can be repeated.
struct SignalRNG: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
