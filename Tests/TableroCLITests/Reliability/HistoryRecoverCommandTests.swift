import Foundation
import Testing

@Suite("tablero history and tablero recover")
struct HistoryRecoverCommandTests {
  @Test func historyListsEveryChangeWithWhoWhenAndNote() throws {
    let sandbox = try Sandbox(file: "demo.json")
    sandbox.environment["USER"] = "ana"
    try sandbox.demo()
    #expect(try sandbox.run("history").stdout.contains("Sin cambios registrados"))
    #expect(try sandbox.run("set-progress", "ACMI-04", "55", "--note", "Licitación publicada").status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-04", "60").status == 0)
    #expect(try sandbox.run("set-date", "31/07/2013").status == 0)

    let all = try sandbox.run("history")
    #expect(all.status == 0, "\(all.stderr)")
    let lines = all.stdout.lines
    #expect(lines.count == 3, "\(all.stdout)")
    let host = Reliability.hostName
    #expect(lines[0].hasSuffix(" ana@\(host) ACMI-04 actualProgress 40 → 55 — Licitación publicada"), "\(lines[0])")
    #expect(lines[1].hasSuffix(" ana@\(host) ACMI-04 actualProgress 55 → 60"), "\(lines[1])")
    #expect(lines[2].hasSuffix(" ana@\(host) (portafolio) reportDate 2013-06-30 → 2013-07-31"), "\(lines[2])")
    #expect(lines[0].range(of: #"^\d\d/\d\d/\d{4} \d\d:\d\d "#, options: .regularExpression) != nil)
    #expect(!all.stdout.contains("notes"), "the note line set-progress appends is not a separate change")

    let one = try sandbox.run("history", "ACMI-04")
    #expect(one.stdout.lines.count == 2)
    #expect(try sandbox.run("history", "ECE-01").stdout.contains("Sin cambios"))
    #expect(try sandbox.run("history", "--since", "01/01/2100").stdout.contains("Sin cambios"))
    #expect(try sandbox.run("history", "--since", "01/01/2000").stdout.lines.count == 3)

    let json = try sandbox.run("history", "ACMI-04", "--format", "json")
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
    #expect(array[0]["old"] as? String == "40" && array[0]["new"] as? String == "55")
    #expect(array[0]["note"] as? String == "Licitación publicada")
    #expect(array[0]["user"] as? String == "ana@\(host)")
    #expect(array[1]["note"] == nil)

    // The file itself: one JSON object per line, append-only.
    let file = String(decoding: try sandbox.bytes("demo.json.historial.jsonl"), as: UTF8.self)
    #expect(file.lines.count == 3)
    for line in file.lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
  }

  @Test func historyWarnsAboutUnreadableLines() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    #expect(try sandbox.run("set-progress", "ACMI-04", "55").status == 0)
    let good = String(decoding: try sandbox.bytes("demo.json.historial.jsonl"), as: UTF8.self)
    try sandbox.write("demo.json.historial.jsonl", good + "{roto\n")
    let result = try sandbox.run("history")
    #expect(result.status == 0)
    #expect(result.stdout.lines.count == 1)
    #expect(result.stderr.contains("2"), "\(result.stderr)")
  }

  static let edits = [
    #"{"edit":{"op":"setProgress","id":"ACMI-04","value":55,"note":"Licitación","day":"2013-06-30"}}"#,
    #"{"edit":{"op":"setProgress","id":"ACMI-04","value":70,"note":null,"day":"2013-06-30"}}"#,
    #"{"undo":true}"#,
    #"{"edit":{"op":"setTolerance","value":-20}}"#,
  ]

  @Test func recoverSaysWhatIsThereAndDiscardsNothing() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let journal = try Reliability.journal(for: sandbox, file: "demo.json", user: "ana", entries: Self.edits, torn: true)
    let before = try sandbox.bytes("demo.json")

    let plain = try sandbox.run("recover")
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.contains("4 cambios sin guardar de ana@portatil"), "\(plain.stdout)")
    #expect(plain.stdout.contains("--apply") && plain.stdout.contains("--discard") && plain.stdout.contains("--show"))
    #expect(plain.stdout.contains("última línea"), "the torn line is mentioned")
    #expect(try sandbox.bytes("demo.json") == before)
    #expect(String(decoding: try sandbox.bytes("demo.json.diario.jsonl"), as: UTF8.self) == journal)

    // Other writes wait until the user decides.
    let blocked = try sandbox.run("set-progress", "ACMI-04", "10")
    #expect(blocked.status == 74)
    #expect(blocked.stderr.contains("tablero recover"), "\(blocked.stderr)")

    let show = try sandbox.run("recover", "--show")
    #expect(show.status == 0)
    #expect(show.stdout.contains("1. ") && show.stdout.contains("\"op\":\"setProgress\"") && show.stdout.contains("4. "))
    #expect(try sandbox.bytes("demo.json") == before)

    let english = try sandbox.run("recover", "--lang", "en")
    #expect(english.stdout.contains("4 unsaved changes from ana@portatil"))
  }

  @Test func recoverApplyReplaysAndSaves() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    _ = try Reliability.journal(for: sandbox, file: "demo.json", user: "ana", entries: Self.edits)
    let result = try sandbox.run("recover", "--apply")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("4 de 4"), "\(result.stdout)")
    let saved = try sandbox.json("demo.json")
    #expect(saved.initiative("ACMI-04")?["actualProgress"] as? Double == 55, "the undo took back 70")
    #expect(saved["tolerance"] as? Double == -20)
    #expect(!sandbox.exists("demo.json.diario.jsonl"))
    #expect(sandbox.exists("demo.json.bak"))
    let history = try sandbox.run("history")
    #expect(history.stdout.contains("ACMI-04 actualProgress 40 → 55 — Licitación"), "\(history.stdout)")
    #expect(try sandbox.run("recover").stdout.contains("No hay cambios pendientes"))
  }

  @Test func recoverDiscardOnlyWhenAsked() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let journal = try Reliability.journal(for: sandbox, file: "demo.json", user: "ana", entries: Self.edits)
    let before = try sandbox.bytes("demo.json")
    let result = try sandbox.run("recover", "--discard")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try sandbox.bytes("demo.json") == before)
    #expect(!sandbox.exists("demo.json.diario.jsonl"))
    #expect(String(decoding: try sandbox.bytes("demo.json.diario.descartado.jsonl"), as: UTF8.self) == journal)
    #expect(try sandbox.run("set-progress", "ACMI-04", "10").status == 0)
    #expect(try sandbox.run("recover", "--apply", "--discard").status == 64)
  }

  @Test func aDamagedJournalIsReportedNotApplied() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    _ = try Reliability.journal(for: sandbox, file: "demo.json", user: "ana", entries: ["{\"edit\":{\"op\":\"nope\"}}", Self.edits[0]])
    let apply = try sandbox.run("recover", "--apply")
    #expect(apply.status == 65, "\(apply.stderr)")
    #expect(apply.stderr.contains("línea 2"), "\(apply.stderr)")
    #expect(try sandbox.run("recover", "--discard").status == 0)
  }
}
