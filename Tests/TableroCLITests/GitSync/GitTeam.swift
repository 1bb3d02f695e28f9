import Foundation
import Testing

/// A git "server" (a bare repository) and clones standing for laptops, all in a temporary
/// folder, with git's global and system config kept out (HOME is the folder,
/// GIT_CONFIG_NOSYSTEM is set): the tests depend only on the git binary.
final class GitTeam {
  let root: URL
  /// The bare repository's path; `goOffline()` renames it so fetch and push fail.
  let server: String
  private var offlineName: String { server + ".fuera-de-linea" }

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablero-git-\(UUID().uuidString)").resolvingSymlinksInPath()
    try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
    server = root.appendingPathComponent("servidor.git").path
    try git(["init", "--quiet", "--bare", "--initial-branch=main", server], in: root.path)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var baseEnvironment: [String: String] {
    [
      "HOME": root.appendingPathComponent("home").path, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
      "LANG": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin", "TMPDIR": root.path,
    ]
  }

  /// A clone of the server for `user` (its git identity is local to the clone).
  func laptop(_ user: String) throws -> Laptop {
    let path = root.appendingPathComponent(user).path
    try git(["clone", "--quiet", server, path], in: root.path)
    try git(["config", "user.name", user], in: path)
    try git(["config", "user.email", "\(user)@example.org"], in: path)
    return Laptop(team: self, user: user, path: path)
  }

  func goOffline() throws { try FileManager.default.moveItem(atPath: server, toPath: offlineName) }
  func goOnline() throws { try FileManager.default.moveItem(atPath: offlineName, toPath: server) }

  @discardableResult
  func git(_ arguments: [String], in directory: String) throws -> TableroProcess.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.environment = baseEnvironment
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let scratch = root.appendingPathComponent("git-io-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: scratch.path + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.path + ".err", contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path + ".out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path + ".err"))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    defer {
      try? FileManager.default.removeItem(atPath: scratch.path + ".out")
      try? FileManager.default.removeItem(atPath: scratch.path + ".err")
    }
    return TableroProcess.Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.path + ".out")), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch.path + ".err")), as: UTF8.self))
  }
}

/// One clone: runs `tablero` on its `portafolio.json` as `user`, and git in it.
struct Laptop {
  let team: GitTeam
  let user: String
  let path: String
  var data: String { path + "/portafolio.json" }
  var history: String { data + ".historial.jsonl" }

  @discardableResult
  func tablero(_ arguments: String...) throws -> TableroProcess.Result {
    var environment = team.baseEnvironment
    environment["USER"] = user
    environment["TABLERO_FILE"] = data
    return try TableroProcess.run(arguments, environment: environment, directory: URL(fileURLWithPath: path))
  }

  /// `git …` in this clone; the output without its last newline.
  @discardableResult
  func git(_ arguments: String...) throws -> String {
    let result = try team.git(arguments, in: path)
    #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
    var text = result.stdout
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  func gitStatus(_ arguments: String...) throws -> Int32 { try team.git(arguments, in: path).status }

  /// Not in the middle of a merge, and nothing tracked left modified.
  func expectSettled(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let mergeHead = try git("rev-parse", "--git-path", "MERGE_HEAD")
    let full = mergeHead.hasPrefix("/") ? mergeHead : path + "/" + mergeHead
    #expect(!FileManager.default.fileExists(atPath: full), "MERGE_HEAD left in \(user)'s clone", sourceLocation: sourceLocation)
    #expect(try git("status", "--porcelain", "--untracked-files=no") == "", sourceLocation: sourceLocation)
  }

  func bytes(_ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file)) }

  func progress(_ id: String) throws -> Double? {
    let object = try JSONSerialization.jsonObject(with: bytes(data)) as? [String: Any]
    return object?.initiative(id)?["actualProgress"] as? Double
  }

  func text(_ file: String) throws -> String { String(decoding: try bytes(file), as: UTF8.self) }
}

extension GitTeam {
  /// The usual start: Ana creates the demo portfolio and syncs it; Beto clones it and syncs once
  /// (installing the driver in his clone).
  func anaAndBeto() throws -> (ana: Laptop, beto: Laptop) {
    let ana = try laptop("ana")
    #expect(try ana.tablero("init", ana.data, "--demo").status == 0)
    let first = try ana.tablero("sincronizar")
    #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
    let beto = try laptop("beto")
    let second = try beto.tablero("sincronizar")
    #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
    return (ana, beto)
  }
}
