import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Helpers for the lock, journal and history files beside a data file.
enum Reliability {
  static var hostName: String {
    var buffer = [CChar](repeating: 0, count: 256)
    gethostname(&buffer, 255)
    return String(cString: buffer)
  }

  /// FNV-1a 64 as in FileFingerprint, to write a journal whose base matches a file.
  static func fnv1a(_ data: Data) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in data { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  static func lockJSON(pid: Int32, host: String, user: String, interactive: Bool = false) -> String {
    #"{"pid":\#(pid),"host":"\#(host)","user":"\#(user)","started":"2026-11-25T09:00:00Z""#
      + (interactive ? #","interactive":true}"# : "}") + "\n"
  }

  /// A journal as a crashed TUI session leaves it: a header, then `entries` (JSON texts).
  static func journal(for sandbox: Sandbox, file: String, user: String, entries: [String], torn: Bool = false) throws -> String {
    let data = try sandbox.bytes(file)
    var lines = [#"{"journal":1,"user":"\#(user)","host":"portatil","pid":999999,"started":"2026-11-25T09:00:00Z","base":{"size":\#(data.count),"mtime":0,"inode":0,"fnv1a64":"\#(fnv1a(data))"}}"#]
    for (i, e) in entries.enumerated() {
      lines.append(#"{"seq":\#(i + 1),"at":"2026-11-25T09:0\#(i + 1):00Z","entry":\#(e)}"#)
    }
    var text = lines.joined(separator: "\n") + "\n"
    if torn { text += #"{"seq":99,"at":"2026-11-25T09:59:00Z","entry":{"edit":{"op":"setPro"# }
    try sandbox.write(file + ".diario.jsonl", text)
    return text
  }

  /// A pid no process has: a child that exited.
  static func deadPID() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/true")
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
  }

  static func temporaries(in sandbox: Sandbox) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: sandbox.root.path)) ?? []).filter { $0.contains(".tmp-") }
  }

  /// Runs any program (output to files, no deadlock), with exactly `environment` plus PATH.
  static func run(_ tool: String, _ arguments: [String], environment: [String: String], directory: URL) throws
    -> TableroProcess.Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    var env = environment
    env["PATH"] = env["PATH"] ?? "/usr/bin:/bin"
    process.environment = env
    process.currentDirectoryURL = directory
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tablero-rel-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return TableroProcess.Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
