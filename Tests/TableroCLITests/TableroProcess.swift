import Foundation
import Testing

/// Runs the built `tablero` binary as a subprocess, the way a person or a script does.
enum TableroProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `tablero` executable next to the test bundle (`.build/<triple>/debug/tablero`),
  /// or `$TABLERO_BIN` when set.
  static let executable: URL = {
    if let explicit = ProcessInfo.processInfo.environment["TABLERO_BIN"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    var candidates: [URL] = []
    let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    candidates.append(selfExe.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    if let arg0 = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath().deletingLastPathComponent())
    }
    for directory in candidates {
      // On Linux the test bundle is an executable inside the build folder; on macOS it is a
      // folder two levels below it (…/debug/X.xctest/Contents/MacOS).
      for url in [directory, directory.deletingLastPathComponent(), directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()] {
        let candidate = url.appendingPathComponent("tablero")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
    }
    return candidates[0].appendingPathComponent("tablero")
  }()

  /// Runs `tablero args…` with exactly `environment` (nothing inherited but PATH) in `directory`.
  static func run(
    _ arguments: [String], environment: [String: String], stdin: String? = nil, directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = environment
    env["PATH"] = env["PATH"] ?? "/usr/bin:/bin"
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }

    // Files instead of pipes: no deadlock however much a command prints.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tablero-cli-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    try input.close()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

/// A fresh folder per test, with HOME, XDG_DATA_HOME and TABLERO_FILE under control.
final class Sandbox {
  let root: URL
  var environment: [String: String]

  /// `xdg`: set XDG_DATA_HOME to `<root>/data`; `file`: set TABLERO_FILE to `<root>/<file>`.
  init(xdg: Bool = true, file: String? = nil) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablero-cli-\(UUID().uuidString)").resolvingSymlinksInPath()
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let home = root.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    environment = ["HOME": home.path, "NO_COLOR": "1", "LANG": "C.UTF-8"]
    if xdg { environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path }
    if let file { environment["TABLERO_FILE"] = path(file) }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func path(_ name: String) -> String { root.appendingPathComponent(name).path }

  @discardableResult
  func run(_ arguments: String..., stdin: String? = nil) throws -> TableroProcess.Result {
    try TableroProcess.run(arguments, environment: environment, stdin: stdin, directory: root)
  }

  func run(arguments: [String]) throws -> TableroProcess.Result {
    try TableroProcess.run(arguments, environment: environment, directory: root)
  }

  /// Creates `name` from the embedded demo portfolio (report date 30/06/2013).
  @discardableResult
  func demo(_ name: String = "demo.json") throws -> String {
    let result = try run("init", path(name), "--demo")
    #expect(result.status == 0, "init --demo failed: \(result.stderr)")
    return path(name)
  }

  func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
  }

  func json(_ name: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: bytes(name))
    return try #require(object as? [String: Any])
  }

  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

extension [String: Any] {
  /// The initiative with `id` in a portfolio file.
  func initiative(_ id: String) -> [String: Any]? {
    (self["initiatives"] as? [[String: Any]])?.first { $0["id"] as? String == id }
  }
}

extension String {
  /// Lines without the trailing empty one.
  var lines: [Substring] { split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty } }

  /// The first line that contains every one of `parts`.
  func line(containing parts: String...) -> Substring? {
    lines.first { line in parts.allSatisfy { line.contains($0) } }
  }
}
