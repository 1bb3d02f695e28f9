import Foundation
import TableroCore

// tablero-bench: see Options.usage and docs/PERFORMANCE.md.

let options: Options
do {
  options = try Options(Array(CommandLine.arguments.dropFirst()))
} catch {
  if let message = error.message { FileHandle.standardError.write(Data("tablero-bench: \(message)\n".utf8)) }
  print(Options.usage)
  exit(error.message == nil ? 0 : 64)
}

/// A child run: one size, one phase, `key=value` lines on stdout.
if let size = options.oneSize {
  let directory = options.directory ?? NSTemporaryDirectory()
  var results: [(String, String)] = [("size", "\(size)")]
  if options.phase == .write || options.phase == .all { results += Phases.write(size: size, directory: directory) }
  if options.phase == .read || options.phase == .all { results += Phases.read(size: size, directory: directory) }
  if options.phase == .session || options.phase == .all { results += SessionPhase.run(size: size, directory: directory) }
  for (key, value) in results { print("\(key)=\(value)") }
  exit(0)
}

/// Indicators at scale (IndicatorBench.swift), in this process.
if let count = options.indicators {
  let directory = options.directory ?? NSTemporaryDirectory()
  let initiatives = options.sizesGiven ? options.sizes[0] : 100_000
  if options.phase == .read {
    print(IndicatorBench.read(initiatives: initiatives, indicators: count, directory: directory))
  } else {
    print(IndicatorBench.run(initiatives: initiatives, indicators: count, directory: directory))
  }
  exit(0)
}

/// The terminal UI's figures (TUIBench.swift), in this process.
if options.tui {
  let directory = options.directory ?? options.writeFilesDirectory ?? NSTemporaryDirectory()
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let sizes = options.sizesGiven ? options.sizes : [10_000, 100_000]
  print(TUIBench.run(sizes: sizes, presses: options.presses, directory: directory, startupOnly: options.startupOnly))
  exit(0)
}

/// The parent: runs every size in fresh processes of itself and prints the table.
let directory: String
let keepFiles = options.writeFilesDirectory != nil
if let dir = options.writeFilesDirectory {
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  directory = URL(fileURLWithPath: dir).standardizedFileURL.path
} else {
  directory = NSTemporaryDirectory() + "tablero-bench-\(getpid())"
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
}

let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()

func runChild(size: Int, phase: Options.Phase) -> [String: String] {
  if options.inProcess {
    let pairs: [(String, String)]
    switch phase {
    case .write: pairs = Phases.write(size: size, directory: directory)
    case .read: pairs = Phases.read(size: size, directory: directory)
    case .session: pairs = SessionPhase.run(size: size, directory: directory)
    case .all: pairs = Phases.write(size: size, directory: directory) + Phases.read(size: size, directory: directory)
    }
    return Dictionary(pairs, uniquingKeysWith: { $1 })
  }
  let process = Process()
  process.executableURL = executable
  process.arguments = ["--one-size", "\(size)", "--phase", phase.rawValue, "--dir", directory]
  let pipe = Pipe()
  process.standardOutput = pipe
  do { try process.run() } catch {
    fatalError("cannot start \(executable.path): \(error)")
  }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { fatalError("child \(size) \(phase) exited \(process.terminationStatus)") }
  var result: [String: String] = [:]
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    let parts = line.split(separator: "=", maxSplits: 1)
    if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
  }
  return result
}

var rows: [[String: String]] = []
for size in options.sizes {
  FileHandle.standardError.write(Data("tablero-bench: \(size) initiatives…\n".utf8))
  let written = runChild(size: size, phase: .write)
  let read = runChild(size: size, phase: .read)
  let session = runChild(size: size, phase: .session)
  rows.append(written.merging(read, uniquingKeysWith: { a, _ in a }).merging(session, uniquingKeysWith: { a, _ in a }))
  if !keepFiles { try? FileManager.default.removeItem(atPath: Phases.path(directory: directory, size: size)) }
}
if !keepFiles { try? FileManager.default.removeItem(atPath: directory) }

print(BenchTable.render(rows))
