import Foundation
import Testing

/// Issue 11, field copies without a base: `tablero merge OTRA.json` finds the shared revision
/// by itself, and `tablero campo preparar/integrar` make the USB-stick round trip.
@Suite("copias de campo: merge sin --base, campo preparar/integrar")
struct FieldCopyTests {
  static func progress(_ sandbox: Sandbox, _ file: String, _ id: String) throws -> Double? {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
    let items = json?["initiatives"] as? [[String: Any]] ?? []
    return items.first { $0["id"] as? String == id }?["actualProgress"] as? Double
  }

  @Test func mergeWithoutBaseUsesTheNewestSharedRevision() throws {
    let sandbox = try Sandbox()
    sandbox.environment["USER"] = "ana"
    let file = try sandbox.demo()
    #expect(try sandbox.run("set-progress", "ACMI-04", "50", "--file", file).status == 0)
    try FileManager.default.copyItem(atPath: file, toPath: sandbox.path("otra.json"))
    // Several saves on both sides, different items.
    #expect(try sandbox.run("set-progress", "ACMI-01", "20", "--file", file).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-03", "7", "--file", file).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-02", "15", "--file", sandbox.path("otra.json")).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-05", "9", "--file", sandbox.path("otra.json")).status == 0)

    let merge = try sandbox.run("merge", "otra.json", "--file", file)
    #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
    #expect(merge.stdout.contains("Versión común: revisión"), "\(merge.stdout)")
    #expect(merge.stdout.contains("reconstruida desde el registro de revisiones"))
    #expect(merge.stdout.contains("Fusión a tres vías"))
    #expect(merge.stdout.contains("Sin conflictos."))
    #expect(try Self.progress(sandbox, file, "ACMI-01") == 20)
    #expect(try Self.progress(sandbox, file, "ACMI-03") == 7)
    #expect(try Self.progress(sandbox, file, "ACMI-02") == 15)
    #expect(try Self.progress(sandbox, file, "ACMI-05") == 9)
  }

  @Test func copiesWithNoSharedRevisionMergeTwoWaysAndSaySo() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.demo()
    let other = try sandbox.demo("otra.json")
    #expect(try sandbox.run("set-progress", "ACMI-04", "50", "--file", file).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-02", "15", "--file", other).status == 0)
    let merge = try sandbox.run("merge", "otra.json", "--file", file)
    #expect(merge.stdout.contains("Sin versión común: las dos copias no comparten ninguna revisión"), "\(merge.stdout)")
    #expect(merge.stdout.contains("Se fusiona a dos vías"))
    #expect(merge.stdout.contains("Fusión sin base"))
    #expect(merge.status == 65, "two ways, both changed: conflicts")
  }

  @Test func fieldRoundTripMergesEditsOfBothSides() throws {
    let sandbox = try Sandbox()
    sandbox.environment["USER"] = "ana"
    let file = try sandbox.demo()
    try FileManager.default.createDirectory(atPath: sandbox.path("usb"), withIntermediateDirectories: true)
    let copy = sandbox.path("usb/demo.json")

    // An old file (no revision yet) gets one when the copy is prepared.
    let prepare = try sandbox.run("campo", "preparar", "usb", "--file", file)
    #expect(prepare.status == 0, "\(prepare.stderr)")
    #expect(prepare.stdout.contains("Copia para campo escrita: usb/demo.json"), "\(prepare.stdout)")
    #expect(prepare.stdout.contains("no tenía revisión"))
    #expect(prepare.stdout.contains("tablero campo integrar usb/demo.json"))

    #expect(try sandbox.run("set-progress", "ACMI-02", "15", "--usuario", "rosa", "--file", copy).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-05", "9", "--usuario", "rosa", "--file", copy).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-01", "20", "--file", file).status == 0)

    let integrate = try sandbox.run("campo", "integrar", "usb/demo.json", "--file", file)
    #expect(integrate.status == 0, "\(integrate.stdout)\(integrate.stderr)")
    #expect(integrate.stdout.contains("Versión común: revisión"), "\(integrate.stdout)")
    #expect(integrate.stdout.contains("En resumen: 2 cambios incorporados de la copia de campo, 1 cambio conservado de aquí, 0 conflictos."))
    #expect(integrate.stdout.contains("Guardado en \(file) como revisión"))
    #expect(try Self.progress(sandbox, file, "ACMI-02") == 15)
    #expect(try Self.progress(sandbox, file, "ACMI-05") == 9)
    #expect(try Self.progress(sandbox, file, "ACMI-01") == 20)
    let history = try sandbox.run("history", "ACMI-02", "--file", file)
    #expect(history.stdout.contains(" rosa@"), "the field edits keep their author: \(history.stdout)")

    // Second round, in English, from the merged version.
    let again = try sandbox.run("field", "prepare", "usb", "--file", file, "--lang", "en")
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try sandbox.run("set-progress", "ACMI-06", "30", "--file", copy).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-03", "8", "--file", file).status == 0)
    let back = try sandbox.run("field", "merge", "usb", "--file", file, "--lang", "en")
    #expect(back.status == 0, "\(back.stdout)\(back.stderr)")
    #expect(back.stdout.contains("In short: 1 change taken from the field copy, 1 change kept from here, 0 conflicts."), "\(back.stdout)")
    #expect(try Self.progress(sandbox, file, "ACMI-06") == 30)
    #expect(try Self.progress(sandbox, file, "ACMI-03") == 8)
  }

  @Test func sameFieldChangedOnBothSidesSaysHowToResolve() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.demo()
    try FileManager.default.createDirectory(atPath: sandbox.path("usb"), withIntermediateDirectories: true)
    #expect(try sandbox.run("campo", "preparar", "usb", "--file", file).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-02", "15", "--file", sandbox.path("usb/demo.json")).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-02", "25", "--file", file).status == 0)
    let stopped = try sandbox.run("campo", "integrar", "usb", "--file", file)
    #expect(stopped.status == 65)
    #expect(stopped.stdout.contains("Conflictos: 1"), "\(stopped.stdout)")
    #expect(stopped.stderr.contains("tablero campo integrar usb --interactivo"), "\(stopped.stderr)")
    #expect(try Self.progress(sandbox, file, "ACMI-02") == 25, "nothing written")
    let taken = try sandbox.run("campo", "integrar", "usb", "--take", "theirs", "--file", file)
    #expect(taken.status == 0, "\(taken.stderr)")
    #expect(taken.stdout.contains("1 conflicto resuelto"), "\(taken.stdout)")
    #expect(try Self.progress(sandbox, file, "ACMI-02") == 15)
  }

  @Test func prepareDoesNotOverwriteACopyWithWorkNotMergedYet() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.demo()
    try FileManager.default.createDirectory(atPath: sandbox.path("usb"), withIntermediateDirectories: true)
    #expect(try sandbox.run("campo", "preparar", "usb", "--file", file).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-02", "15", "--file", sandbox.path("usb/demo.json")).status == 0)
    let refused = try sandbox.run("campo", "preparar", "usb", "--file", file)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("Intégrela primero con: tablero campo integrar"), "\(refused.stderr)")
    #expect(try Self.progress(sandbox, sandbox.path("usb/demo.json"), "ACMI-02") == 15, "the field work is still there")
    #expect(try sandbox.run("campo", "preparar", "usb", "--forzar", "--file", file).status == 0)
  }

  /// The git merge driver writes new data too: the result descends from both sides, so a later
  /// merge never takes it for one of them.
  @Test func theGitMergeDriverStampsARevisionOfBothSides() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.demo()
    #expect(try sandbox.run("set-progress", "ACMI-04", "50", "--file", file).status == 0)
    try FileManager.default.copyItem(atPath: file, toPath: sandbox.path("base.json"))
    try FileManager.default.copyItem(atPath: file, toPath: sandbox.path("theirs.json"))
    #expect(try sandbox.run("set-progress", "ACMI-01", "20", "--file", file).status == 0)
    #expect(try sandbox.run("set-progress", "ACMI-02", "15", "--file", sandbox.path("theirs.json")).status == 0)
    func revision(_ path: String) throws -> [String: Any] {
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
      return json?["revision"] as? [String: Any] ?? [:]
    }
    let ours = try revision(file)["id"] as? String
    let theirs = try revision(sandbox.path("theirs.json"))["id"] as? String
    let driver = try sandbox.run("merge-driver", "base.json", "demo.json", "theirs.json")
    #expect(driver.status == 0, "\(driver.stderr)")
    let merged = try revision(file)
    #expect(merged["parent"] as? String == ours)
    #expect(merged["merged"] as? String == theirs)
    #expect(try Self.progress(sandbox, file, "ACMI-02") == 15)
  }
}
