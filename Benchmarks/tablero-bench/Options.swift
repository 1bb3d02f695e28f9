/// Command line of tablero-bench (no ArgumentParser: the bench depends only on the library).
///
///     tablero-bench [--sizes 1000,10000,100000] [--write-files DIR] [--in-process]
///     tablero-bench --one-size N [--phase write|read|session|all] [--dir DIR]
struct Options {
  var sizes = [1_000, 10_000, 100_000]
  var writeFilesDirectory: String?
  var oneSize: Int?
  var phase = Phase.all
  var directory: String?
  var inProcess = false
  /// `--tui`: time the terminal UI (start-up, key presses) instead; see TUIBench.
  var tui = false
  /// `--startup-only` with `--tui`: the start-up table alone (for profiling the first frame).
  var startupOnly = false
  /// `--indicators N`: the indicator benchmark (IndicatorBench.swift).
  var indicators: Int?
  var presses = 400
  var sizesGiven = false

  enum Phase: String { case write, read, session, all }

  static let usage = """
    usage: tablero-bench [--sizes 1000,10000,100000] [--write-files DIR] [--in-process]
           tablero-bench --one-size N [--phase write|read|session|all] [--dir DIR]
           tablero-bench --tui [--sizes 10000,100000] [--presses 400] [--startup-only] [--dir DIR]
           tablero-bench --indicators 10000 [--sizes 100000] [--dir DIR]

    Measures save, load+validate, status, dashboard, text report and CSV export on a
    synthetic portfolio of N initiatives. Each size (and each phase: write, then read)
    runs in a fresh child process so the peak RSS is per size and per phase.
    --write-files DIR keeps DIR/synthetic-<N>.json for whole-command timing (hyperfine).
    --tui times the terminal UI in process (80×24): start-up to first frame, and update +
    render + diff per key press (cursor moves, tree expand, search, progress edit).
    """

  init(_ arguments: [String]) throws(UsageError) {
    var rest = arguments[...]
    func value(_ flag: String) throws(UsageError) -> String {
      guard let v = rest.popFirst() else { throw UsageError("\(flag) needs a value") }
      return v
    }
    while let arg = rest.popFirst() {
      switch arg {
      case "--sizes":
        let text = try value(arg)
        let parsed = text.split(separator: ",").map { Int($0.replacingOccurrences(of: "_", with: "")) }
        guard !parsed.isEmpty, parsed.allSatisfy({ ($0 ?? 0) > 0 }) else { throw UsageError("bad --sizes \(text)") }
        sizes = parsed.map { $0! }
        sizesGiven = true
      case "--write-files": writeFilesDirectory = try value(arg)
      case "--one-size":
        let text = try value(arg)
        guard let n = Int(text), n > 0 else { throw UsageError("bad --one-size \(text)") }
        oneSize = n
      case "--phase":
        let text = try value(arg)
        guard let p = Phase(rawValue: text) else { throw UsageError("bad --phase \(text)") }
        phase = p
      case "--dir": directory = try value(arg)
      case "--in-process": inProcess = true
      case "--tui": tui = true
      case "--startup-only": startupOnly = true
      case "--indicators":
        let text = try value(arg)
        guard let n = Int(text), n > 0 else { throw UsageError("bad --indicators \(text)") }
        indicators = n
      case "--presses":
        let text = try value(arg)
        guard let n = Int(text), n > 0 else { throw UsageError("bad --presses \(text)") }
        presses = n
      case "-h", "--help": throw UsageError(nil)
      default: throw UsageError("unknown argument \(arg)")
      }
    }
  }
}

struct UsageError: Error {
  var message: String?
  init(_ message: String?) { self.message = message }
}

extension String {
  func replacingOccurrences(of target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
