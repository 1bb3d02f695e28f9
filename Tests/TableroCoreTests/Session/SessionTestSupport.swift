import Foundation
import Testing
import TableroCore

/// A portfolio file in a fresh folder, for session, lock, journal and save tests.
struct DataFolder {
  let folder: TempFolder
  let path: String

  init(_ portfolio: Portfolio = TestPortfolios.single(progress: 40), name: String = "portafolio.json") throws {
    folder = try TempFolder()
    path = folder.file(name)
    try PortfolioStore.save(portfolio, to: path, backups: 0)
  }

  var bytes: [UInt8] { (try? folder.read(FileSystemProbe.name(path))) ?? [] }

  func load() throws -> Portfolio { try PortfolioStore.load(from: path).portfolio }

  /// Names in the folder (hidden ones too).
  var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
  var temporaries: [String] { entries.filter { $0.contains(".tmp-") } }
}

enum FileSystemProbe {
  static func name(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
  static var isRoot: Bool { getuid() == 0 }
}

/// A pid that certainly belongs to no process: a child that has exited and been reaped.
func deadPID() throws -> Int32 {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/bin/true")
  try p.run()
  p.waitUntilExit()
  return p.processIdentifier
}

/// A small tmpfs mounted at a new folder (root only); nil when mounting is not possible here.
final class TinyFilesystem {
  let path: String
  /// Whether this machine lets the tests mount a tmpfs (root, not in a locked-down container).
  static let canMount: Bool = TinyFilesystem() != nil
  init?(size: String = "64k", readOnly: Bool = false) {
    guard getuid() == 0, let folder = try? TempFolder() else { return nil }
    path = folder.path
    var options = "size=\(size)"
    if readOnly { options += ",ro" }
    guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]) == 0 else { return nil }
  }
  func remount(readOnly: Bool) -> Bool {
    Self.run("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", path]) == 0
  }
  deinit {
    _ = Self.run("/bin/umount", [path])
    try? FileManager.default.removeItem(atPath: path)
  }
  @discardableResult
  static func run(_ tool: String, _ args: [String]) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: tool) ? tool : "/usr" + tool)
    p.arguments = args
    p.standardError = FileHandle.nullDevice
    p.standardOutput = FileHandle.nullDevice
    do { try p.run() } catch { return -1 }
    p.waitUntilExit()
    return p.terminationStatus
  }
}
