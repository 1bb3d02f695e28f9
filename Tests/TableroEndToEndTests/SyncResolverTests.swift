import Foundation
import Testing

/// `tablero sincronizar` in a real terminal (tmux) with a same-field conflict: the resolver of
/// `tablero merge --interactivo` opens inside the sync; applying finishes the merge and pushes,
/// cancelling aborts it (the clone is back at its own commit, never mid-merge).
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct SyncResolverTests {
  /// A bare server, Ana's and Beto's clones; Ana synced ACMI-04 at 60, Beto saved 65 (and
  /// PGS-05 at 75) without syncing yet.
  static func setUp() throws -> String {
    let folder = NSTemporaryDirectory() + "tablero-e2e-sync-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
    let t = Tmux.tableroBinary
    let script = """
      set -e; cd \(folder); export HOME=\(folder)/home GIT_CONFIG_NOSYSTEM=1 LANG=C.UTF-8
      git init -q --bare --initial-branch=main servidor.git
      clone() { git clone -q servidor.git $1 2>/dev/null; git -C $1 config user.name $1; git -C $1 config user.email $1@example.org; }
      clone ana; cd ana; \(t) init portafolio.json --demo; USER=ana \(t) sincronizar -f portafolio.json
      cd ..; clone beto; cd beto; USER=beto \(t) sincronizar -f portafolio.json
      cd ../ana; USER=ana \(t) set-progress ACMI-04 60 -f portafolio.json; USER=ana \(t) sincronizar -f portafolio.json
      cd ../beto; USER=beto \(t) set-progress ACMI-04 65 -f portafolio.json; USER=beto \(t) set-progress PGS-05 75 -f portafolio.json
      """
    let result = try Tmux.run(["sh", "-c", script])
    #expect(result.status == 0, "\(result.output)")
    return folder
  }

  static func git(_ folder: String, _ arguments: String) throws -> String {
    let result = try Tmux.run(["sh", "-c", "cd \(folder)/beto && HOME=\(folder)/home GIT_CONFIG_NOSYSTEM=1 git \(arguments)"])
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func progress(_ path: String, _ id: String) throws -> Double? {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let initiatives = json?["initiatives"] as? [[String: Any]]
    return (initiatives?.first { ($0["id"] as? String) == id }?["actualProgress"] as? NSNumber)?.doubleValue
  }

  static func startSync(_ folder: String) throws -> Tmux {
    let script =
      "cd \(folder)/beto; \(Tmux.tableroBinary) sincronizar -f portafolio.json 2> err.txt; echo EXIT=$? > exit.txt; sleep 60"
    let environment = [
      "HOME": folder + "/home", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "beto",
    ]
    return try Tmux(command: "sh -c '\(script)'", environment: environment)
  }

  static func waitForFile(_ path: String) -> String? {
    let deadline = Date().addingTimeInterval(20)
    while !FileManager.default.fileExists(atPath: path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    Thread.sleep(forTimeInterval: 0.1)
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func theResolverOpensAndApplyingFinishesTheSync() throws {
    let folder = try Self.setUp()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try Self.startSync(folder)
    defer { tmux.kill() }
    let screen = try tmux.waitFor(20) { $0.contains("ACMI-04 · avance real") && $0.contains("? pendiente") }
    #expect(screen.contains("portafolio.json (origin/main)"), "\(screen)")
    try tmux.send("t")
    _ = try tmux.waitFor { $0.contains("ACMI-04 · avance real: otro (60)") }
    try tmux.send("Enter")
    #expect(Self.waitForFile(folder + "/beto/exit.txt") == "EXIT=0\n")
    let after = try tmux.waitFor { $0.contains("Enviado a origin/main.") }
    #expect(after.contains("(elegido: otro)"), "\(after)")
    #expect(try Self.progress(folder + "/beto/portafolio.json", "ACMI-04") == 60)
    #expect(try Self.progress(folder + "/beto/portafolio.json", "PGS-05") == 75)
    #expect(try Self.git(folder, "rev-parse HEAD") == Self.git(folder, "rev-parse origin/main"))
    #expect(try Self.git(folder, "status --porcelain --untracked-files=no") == "")
    #expect(!FileManager.default.fileExists(atPath: folder + "/beto/.git/MERGE_HEAD"))
  }

  @Test func cancellingTheResolverAbortsTheMerge() throws {
    let folder = try Self.setUp()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try Self.startSync(folder)
    defer { tmux.kill() }
    _ = try tmux.waitFor(20) { $0.contains("ACMI-04 · avance real") && $0.contains("? pendiente") }
    try tmux.send("q")
    #expect(Self.waitForFile(folder + "/beto/exit.txt") == "EXIT=65\n")
    let err = (try? String(contentsOfFile: folder + "/beto/err.txt", encoding: .utf8)) ?? ""
    #expect(err.contains("Resolución cancelada") && err.contains("La fusión se canceló"), "\(err)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/beto/.git/MERGE_HEAD"))
    #expect(try Self.git(folder, "status --porcelain --untracked-files=no") == "")
    #expect(try Self.git(folder, "log -1 --format=%s") == "Tablero: 2 cambios en portafolio.json")
    #expect(try Self.progress(folder + "/beto/portafolio.json", "ACMI-04") == 65)
  }

  /// The SSH link drops (SIGHUP) or the process is told to stop (SIGTERM) while the resolver is
  /// open: the resolver cancels, the merge is aborted, nothing is left half-merged.
  @Test(arguments: ["HUP", "TERM"])
  func aSignalWhileResolvingAbortsTheMerge(signal: String) throws {
    let folder = try Self.setUp()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // The inner shell writes its pid and becomes tablero (exec), so the pid is tablero's.
    let inner = "echo \\$\\$ > pid.txt; exec \(Tmux.tableroBinary) sincronizar -f portafolio.json"
    let script = "cd \(folder)/beto; sh -c \"\(inner)\" 2> err.txt; echo EXIT=$? > exit.txt; sleep 60"
    let environment = [
      "HOME": folder + "/home", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "beto",
    ]
    let tmux = try Tmux(command: "sh -c '\(script)'", environment: environment)
    defer { tmux.kill() }
    _ = try tmux.waitFor(20) { $0.contains("ACMI-04 · avance real") && $0.contains("? pendiente") }
    let pid = try #require(Self.waitForFile(folder + "/beto/pid.txt")?.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(try Tmux.run(["kill", "-\(signal)", pid]).status == 0)
    let exit = Self.waitForFile(folder + "/beto/exit.txt")
    #expect(exit == "EXIT=65\n", "\(exit ?? "no exit")")
    #expect(!FileManager.default.fileExists(atPath: folder + "/beto/.git/MERGE_HEAD"))
    #expect(try Self.git(folder, "status --porcelain --untracked-files=no") == "")
    #expect(try Self.git(folder, "log -1 --format=%s") == "Tablero: 2 cambios en portafolio.json")
    #expect(try Self.progress(folder + "/beto/portafolio.json", "ACMI-04") == 65)
  }
}
