import Foundation
import Testing

@Suite("CLI writes honour the lock")
struct LockCommandTests {
  @Test func aLockFromAnotherMachineRefusesEveryWrite() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("demo.json.lock", Reliability.lockJSON(pid: 4242, host: "otra-maquina", user: "ana"))
    let before = try sandbox.bytes("demo.json")
    try sandbox.write("filas.csv", "id,name,component,start,end\nACMI-98,Nueva,ACMI,2013-01-01,2013-12-31\n")
    for args in [["set-progress", "ACMI-04", "55"], ["set-date", "01/07/2013"], ["import", "filas.csv"],
                 ["init", sandbox.path("demo.json"), "--force"], ["recover"]] {
      let result = try sandbox.run(arguments: args)
      #expect(result.status == 74, "\(args): \(result.stderr)")
      #expect(result.stderr.contains("ana@otra-maquina"), "\(args): \(result.stderr)")
      #expect(result.stderr.contains("otra máquina"), "\(result.stderr)")
      #expect(result.stderr.contains("demo.json.lock"))
    }
    #expect(try sandbox.bytes("demo.json") == before)
    #expect(!sandbox.exists("demo.json.bak"))
    // Reading is never refused.
    #expect(try sandbox.run("report").status == 0)
    #expect(try sandbox.run("history").status == 0)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func aLiveSessionOnThisHostRefusesAndSaysWho() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    // A live holder: `flock` keeps the lock file's flock while `sleep` runs.
    let lockPath = sandbox.path("demo.json.lock")
    FileManager.default.createFile(atPath: lockPath, contents: nil)
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = ["-x", lockPath, "sleep", "30"]
    try holder.run()
    defer { holder.terminate(); holder.waitUntilExit() }
    // A person's TUI session: a command line write does not wait for it.
    try sandbox.write(
      "demo.json.lock", Reliability.lockJSON(pid: holder.processIdentifier, host: Reliability.hostName, user: "beto", interactive: true))
    Thread.sleep(forTimeInterval: 0.3)
    let result = try sandbox.run("set-progress", "ACMI-04", "55")
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("beto@\(Reliability.hostName)"), "\(result.stderr)")
    #expect(result.stderr.contains("pid \(holder.processIdentifier)"))
    #expect(try sandbox.json("demo.json").initiative("ACMI-04")?["actualProgress"] as? Double == 40)
  }

  @Test func aStaleLockOnThisHostIsTakenOverWithANote() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    try sandbox.write("demo.json.lock", Reliability.lockJSON(pid: try Reliability.deadPID(), host: Reliability.hostName, user: "ana"))
    let result = try sandbox.run("set-progress", "ACMI-04", "55")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("Nota: se tomó el candado abandonado de ana@"), "\(result.stderr)")
    #expect(!sandbox.exists("demo.json.lock"), "released at the end")
    #expect(try sandbox.json("demo.json").initiative("ACMI-04")?["actualProgress"] as? Double == 55)
  }

  @Test func everyWriteKeepsABackup() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let v0 = try sandbox.bytes("demo.json")
    #expect(try sandbox.run("set-progress", "ACMI-04", "55").status == 0)
    let v1 = try sandbox.bytes("demo.json")
    #expect(try sandbox.run("set-date", "01/07/2013").status == 0)
    #expect(try sandbox.bytes("demo.json.bak") == v1)
    #expect(try sandbox.bytes("demo.json.bak.1") == v0)
    #expect(!sandbox.exists("demo.json.lock"))
    #expect(Reliability.temporaries(in: sandbox).isEmpty)
  }

  @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func permissionDeniedLeavesTheFileAndSaysWhy() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    chmod(sandbox.root.path, 0o755)
    let before = try sandbox.bytes("demo.json")
    // As nobody: the folder is readable but not writable.
    let result = try Reliability.run(
      "/usr/bin/setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", TableroProcess.executable.path, "set-progress", "ACMI-04", "55"],
      environment: sandbox.environment, directory: sandbox.root)
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    #expect(try sandbox.bytes("demo.json") == before)
  }
}
