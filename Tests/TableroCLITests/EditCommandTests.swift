import Foundation
import Testing

@Suite("init, set-progress, set-date")
struct EditCommandTests {
  @Test func initRefusesToOverwriteWithoutForce() throws {
    let sandbox = try Sandbox()
    let first = try sandbox.run("init", sandbox.path("p.json"), "--demo")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("p.json"))
    let before = try sandbox.bytes("p.json")

    let again = try sandbox.run("init", sandbox.path("p.json"))
    #expect(again.status == 74)
    #expect(again.stderr.contains("--force"), "\(again.stderr)")
    #expect(try sandbox.bytes("p.json") == before, "the file is unchanged")

    let forced = try sandbox.run("init", sandbox.path("p.json"), "--force")
    #expect(forced.status == 0)
    let seed = try sandbox.json("p.json")
    #expect(seed["reportDate"] as? String == "2011-09-01", "--force replaced the demo with the seed")
  }

  @Test func initDemoAndInitSeed() throws {
    let sandbox = try Sandbox()
    #expect(try sandbox.run("init", sandbox.path("demo.json"), "--demo").status == 0)
    #expect(try sandbox.run("init", sandbox.path("seed.json")).status == 0)
    let demo = try sandbox.json("demo.json")
    let seed = try sandbox.json("seed.json")
    #expect(demo["reportDate"] as? String == "2013-06-30")
    #expect((demo["initiatives"] as? [Any])?.count == 86)
    #expect((seed["imperatives"] as? [Any])?.count == 4)
    #expect((seed["components"] as? [Any])?.count == 9)
    #expect(try sandbox.run("validate", sandbox.path("demo.json")).status == 0)
    #expect(try sandbox.run("validate", sandbox.path("seed.json")).status == 0)
    // Into a folder that does not exist yet.
    #expect(try sandbox.run("init", sandbox.path("nuevo/dir/p.json")).status == 0)
    #expect(sandbox.exists("nuevo/dir/p.json"))
  }

  @Test func setProgressWritesTheValueAndAppendsTheNote() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let note = "Licitación publicada, con \"anexo técnico\""
    let result = try sandbox.run("set-progress", "ACMI-04", "55", "--note", note)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("ACMI-04: 40% → 55%"), "\(result.stdout)")
    let initiative = try #require(try sandbox.json("demo.json").initiative("ACMI-04"))
    #expect(initiative["actualProgress"] as? Double == 55)
    let notes = try #require(initiative["notes"] as? String)
    #expect(notes.hasPrefix("[DEMO]"), "earlier notes are kept")
    let last = try #require(notes.split(separator: "\n").last)
    #expect(last.hasSuffix(": 40.0% → 55.0%. " + note), "\(last)")

    // 55.5% and "55,5" are accepted too.
    #expect(try sandbox.run("set-progress", "ACMI-04", "55.5%").status == 0)
    #expect(try sandbox.json("demo.json").initiative("ACMI-04")?["actualProgress"] as? Double == 55.5)
    #expect(try sandbox.run("set-progress", "ACMI-04", "60,5").status == 0)
    #expect(try sandbox.json("demo.json").initiative("ACMI-04")?["actualProgress"] as? Double == 60.5)
  }

  @Test func setProgressOutOfRangeChangesNothing() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    let result = try sandbox.run("set-progress", "ACMI-04", "150", "--note", "no")
    #expect(result.status == 65)
    #expect(result.stderr.contains("ACMI-04"))
    #expect(result.stderr.contains("entre 0 y 100"), "\(result.stderr)")
    #expect(result.stderr.contains("150"))
    #expect(try sandbox.bytes("demo.json") == before, "byte-identical")

    let negative = try sandbox.run("set-progress", "ACMI-04", "-5")
    #expect(negative.status != 0)
    let word = try sandbox.run("set-progress", "ACMI-04", "mucho")
    #expect(word.status == 64)
    #expect(try sandbox.bytes("demo.json") == before)
  }

  @Test func setProgressOnAnUnknownIDChangesNothing() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let before = try sandbox.bytes("demo.json")
    let result = try sandbox.run("set-progress", "NO-EXISTE", "10")
    #expect(result.status == 65)
    #expect(result.stderr.contains("NO-EXISTE"), "\(result.stderr)")
    // A component with initiatives gets its progress from them.
    let component = try sandbox.run("set-progress", "ACMI", "10")
    #expect(component.status == 65)
    #expect(try sandbox.bytes("demo.json") == before)
  }

  @Test func setDateAcceptsBothFormatsAndRejectsBadDates() throws {
    let sandbox = try Sandbox(file: "seed.json")
    #expect(try sandbox.run("init").status == 0)
    let result = try sandbox.run("set-date", "30/06/2013")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("01/09/2011 → 30/06/2013"), "\(result.stdout)")
    #expect(try sandbox.json("seed.json")["reportDate"] as? String == "2013-06-30")
    #expect(try sandbox.run("set-date", "2014-01-31").status == 0)
    #expect(try sandbox.json("seed.json")["reportDate"] as? String == "2014-01-31")

    let before = try sandbox.bytes("seed.json")
    for bad in ["31/02/2013", "2013-13-01", "mañana", "30-06-2013"] {
      let refused = try sandbox.run("set-date", bad)
      #expect(refused.status == 64, "\(bad) should be refused by validation")
      #expect(refused.stderr.contains(bad), "\(refused.stderr)")
    }
    #expect(try sandbox.bytes("seed.json") == before)
  }
}
