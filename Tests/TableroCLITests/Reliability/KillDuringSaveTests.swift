import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SIGKILL at random moments while `set-progress` saves: the file must always load and hold
/// either the old or the new value, and temporary files must not pile up.
@Suite("SIGKILL during saves")
struct KillDuringSaveTests {
  static let rounds = Int(ProcessInfo.processInfo.environment["TABLERO_KILL_ROUNDS"] ?? "") ?? 50

  @Test func killedSavesNeverTearOrLoseTheFile() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    // How long one set-progress takes here, to aim the kills inside it.
    let t0 = Date()
    #expect(try sandbox.run("set-progress", "ACMI-04", "41").status == 0)
    let runtime = max(Date().timeIntervalSince(t0), 0.005)

    var rng = SystemRandomNumberGenerator()
    var killedWhileRunning = 0
    var completed = 0
    var sawNew = 0
    var current = 41.0
    var maxLeft = 0
    for round in 0..<Self.rounds {
      let new = Double(10 + (round * 7) % 80) + (current == Double(10 + (round * 7) % 80) ? 1 : 0)
      let process = Process()
      process.executableURL = TableroProcess.executable
      process.arguments = ["set-progress", "ACMI-04", String(Int(new)), "--note", "ronda \(round)"]
      var env = sandbox.environment
      env["PATH"] = "/usr/bin:/bin"
      process.environment = env
      process.currentDirectoryURL = sandbox.root
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(Double.random(in: 0...(runtime * 1.2), using: &rng) * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal { killedWhileRunning += 1 } else { completed += 1 }

      // The file always parses as a whole portfolio holding the old or the new value.
      let json = try sandbox.json("demo.json")
      #expect((json["initiatives"] as? [Any])?.count == 86, "round \(round)")
      let value = try #require(json.initiative("ACMI-04")?["actualProgress"] as? Double, "round \(round)")
      #expect(value == current || value == new, "round \(round): \(value) is neither \(current) nor \(new)")
      if value == new { sawNew += 1 }
      current = value
      // At most the killed process's own temporary files (data, lock); the next run removes them.
      let temps = Reliability.temporaries(in: sandbox)
      let owners = Set(temps.map { $0.split(separator: "-").last ?? "" })
      #expect(owners.count <= 1 && temps.count <= 2, "round \(round): \(temps)")
      maxLeft = max(maxLeft, temps.count)
    }
    let validate = try sandbox.run("validate", sandbox.path("demo.json"))
    #expect(validate.status == 0, "\(validate.stderr)")
    let final = try sandbox.run("set-progress", "ACMI-04", "99")
    #expect(final.status == 0, "a stale lock never blocks the next run: \(final.stderr)")
    #expect(Reliability.temporaries(in: sandbox).isEmpty)
    #expect(!sandbox.exists("demo.json.lock"))
    // The history file may end with a torn line from a kill; it still reads.
    #expect(try sandbox.run("history", "ACMI-04").status == 0)
    print("SIGKILL during set-progress: \(Self.rounds) rounds, \(killedWhileRunning) killed while running, \(completed) finished first, new value saved in \(sawNew); 0 torn files; at most \(maxLeft) temporary files (of the last killed run) at a time")
    #expect(killedWhileRunning > 0)
  }
}
