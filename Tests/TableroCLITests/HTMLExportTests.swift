import Foundation
import Testing

/// Headless Chromium (Debian package `chromium`), found on PATH.
enum Chromium {
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for dir in path.split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  /// On CI (`CI` set and not false/0) a missing browser is a failure, not a skip.
  static var onCI: Bool {
    let value = (ProcessInfo.processInfo.environment["CI"] ?? "").lowercased()
    return !value.isEmpty && value != "false" && value != "0"
  }

  static var shouldRun: Bool { executable != nil || onCI }

  /// Runs the browser headless with a throwaway profile; kills it after `timeout` seconds.
  static func run(_ arguments: [String], profile: URL, timeout: TimeInterval = 120) throws -> (status: Int32, stdout: String, stderr: String) {
    let browser = try #require(executable, "CI is set but chromium is not installed (Debian: apt-get install -y chromium)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--user-data-dir=\(profile.path)",
    ] + arguments
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = profile.path
    process.environment = env
    let out = profile.appendingPathComponent("stdout-\(UUID().uuidString)")
    let err = profile.appendingPathComponent("stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      Issue.record("chromium did not finish within \(Int(timeout)) s")
    }
    try outHandle.close()
    try errHandle.close()
    return (
      process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
      String(decoding: try Data(contentsOf: err), as: UTF8.self)
    )
  }
}

@Suite("HTML export")
struct HTMLExportTests {
  /// Pages of a PDF written by Chromium: its page objects ("/Type /Page", not "/Pages").
  static func pageCount(_ pdf: Data) -> Int {
    let text = String(decoding: pdf, as: UTF8.self)
    return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
  }

  @Test func exportWritesOneSelfContainedFile() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("export", "--file", demo, "--format", "html", sandbox.path("informe.html"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Exportado a"))
    let html = String(decoding: try sandbox.bytes("informe.html"), as: UTF8.self)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("Fecha del reporte:</strong> 30/06/2013"))
    #expect(html.contains("Desviación aceptable:</strong> -30.0%"))
    #expect(html.contains("<svg class=\"timeline\""))
    // The summary by default: the total and the red items, no initiatives and no curves.
    #expect(html.contains("Total del portafolio"))
    #expect(html.contains("Elementos en rojo y por qué"))
    #expect(!html.contains("<svg class=\"progress\""))
    #expect(!html.contains("<tr class=\"initiative"), "the summary has no initiative rows")
    #expect(!html.contains("data-id=\"ACMI-04\""))
    // --detail: everything.
    let detail = try sandbox.run("export", "--file", demo, "--format", "html", "--detail", sandbox.path("detalle.html"))
    #expect(detail.status == 0, "\(detail.stderr)")
    let full = String(decoding: try sandbox.bytes("detalle.html"), as: UTF8.self)
    #expect(full.contains("<svg class=\"progress\""))
    #expect(full.contains("data-id=\"ACMI-04\""), "the detail lists the initiatives")
    #expect(full.contains("Total del portafolio"))
    let csv = try sandbox.run("export", "--file", demo, "--format", "csv", "--detail")
    #expect(csv.status != 0, "--detail means nothing for the CSV")
    #expect(csv.stderr.contains("--detail no se usa con --format csv"))
    let stripped = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    for banned in ["http:", "https:", "<link", "<script", "src=", "<img"] {
      #expect(!stripped.contains(banned), "no network resource: \(banned)")
    }
    // --output works the same, and English is a flag away.
    let english = try sandbox.run("export", "--file", demo, "--format", "html", "--output", sandbox.path("en.html"), "--lang", "en")
    #expect(english.status == 0, "\(english.stderr)")
    let en = String(decoding: try sandbox.bytes("en.html"), as: UTF8.self)
    #expect(en.contains("<html lang=\"en\">"))
    #expect(en.contains("Deviation over 30%"))
    // Two different destinations are refused.
    let twice = try sandbox.run("export", "--file", demo, "--format", "html", "a.html", "--output", "b.html")
    #expect(twice.status != 0)
    #expect(!sandbox.exists("a.html") && !sandbox.exists("b.html"))
  }

  @Test func reportPrintsTheSameHTMLWithTheComparison() throws {
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let result = try sandbox.run("report", "--file", demo, "--format", "html", "--compare", "01/03/2012")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(result.stdout.contains("<h2>Cambios de estado entre 01/03/2012 y 30/06/2013</h2>"))
    #expect(!result.stdout.contains("data-id=\"ACMI-04\""), "without --detail, no initiative rows")
    #expect(!result.stdout.contains("<svg class=\"progress\""), "without --detail, no curves")
    let detail = try sandbox.run("report", "--file", demo, "--format", "html", "--detail")
    #expect(detail.stdout.contains("data-id=\"ACMI-04\"") && detail.stdout.contains("<svg class=\"progress\""))
  }

  /// The demo portfolio in a real browser: it renders, the DOM has the table rows and the SVG
  /// timeline, and a screenshot is kept (path printed; `TABLERO_TEST_ARTIFACTS` chooses the folder).
  @Test(
    .enabled(if: Chromium.shouldRun, "chromium is not installed (apt-get install chromium); with CI=true this test fails instead"))
  func rendersInHeadlessChromium() throws {
    #expect(Chromium.executable != nil, "CI is set but chromium is missing: apt-get install -y chromium")
    guard Chromium.executable != nil else { return }
    let sandbox = try Sandbox()
    let demo = try sandbox.demo()
    let environment = ProcessInfo.processInfo.environment
    let base = environment["TABLERO_TEST_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("tablero-test-artifacts")
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    let artifacts = base.appendingPathComponent("html-\(stamp)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
    let htmlURL = artifacts.appendingPathComponent("tablero-demo.html")
    let pngURL = artifacts.appendingPathComponent("tablero-demo.png")
    let export = try sandbox.run("export", "--file", demo, "--format", "html", "--detail", "--output", htmlURL.path)
    #expect(export.status == 0, "\(export.stderr)")

    let profile = sandbox.root.appendingPathComponent("chromium-profile")
    try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
    let shot = try Chromium.run(
      ["--hide-scrollbars", "--screenshot=\(pngURL.path)", "--window-size=1280,2000", htmlURL.absoluteString], profile: profile)
    #expect(shot.status == 0, "chromium --screenshot: \(shot.stderr)")
    let png = try Data(contentsOf: pngURL)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
    // IHDR: width and height, big-endian, at bytes 16–23.
    let width = png.count > 24 ? png[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
    let height = png.count > 24 ? png[20..<24].reduce(0) { $0 << 8 | Int($1) } : 0
    #expect(width == 1280 && height == 2000, "screenshot is \(width)×\(height)")
    #expect(png.count > 100_000, "a page with a coloured table is not a blank screenshot (\(png.count) bytes)")

    let dump = try Chromium.run(["--dump-dom", htmlURL.absoluteString], profile: profile)
    #expect(dump.status == 0, "chromium --dump-dom: \(dump.stderr)")
    let dom = dump.stdout
    #expect(dom.contains("<svg class=\"timeline\""), "the Cuadro 8 timeline is in the DOM")
    #expect(dom.contains(">Oc-Di 2011</text>"))
    #expect(dom.contains("<svg class=\"progress\""), "progress curves are in the DOM")
    #expect(dom.contains("<tr class=\"component row-red\" data-id=\"ACMI\" data-status=\"majorDeviation\">"))
    #expect(dom.contains("Adquisición y compra coordinada de medicamentos e insumos"))
    #expect(dom.contains("Subtotal Oportunidad de Abasto de Medicamentos"))
    let rows = dom.components(separatedBy: "<tr class=\"").count - 1
    #expect(rows > 100, "Cuadro 9 with its initiatives has many rows (\(rows))")
    // A second artefact that shows the whole page at a glance: the summary (no initiatives, no
    // curves) with a comparison and the timeline.
    let summaryHTML = artifacts.appendingPathComponent("tablero-resumen.html")
    let summaryPNG = artifacts.appendingPathComponent("tablero-resumen.png")
    let summary = try sandbox.run("report", "--file", demo, "--format", "html", "--compare", "01/10/2012")
    #expect(summary.status == 0, "\(summary.stderr)")
    try Data(summary.stdout.utf8).write(to: summaryHTML)
    let wide = try Chromium.run(
      ["--hide-scrollbars", "--screenshot=\(summaryPNG.path)", "--window-size=1280,4200", summaryHTML.absoluteString], profile: profile)
    #expect(wide.status == 0, "chromium --screenshot: \(wide.stderr)")
    let summarySize = (try? Data(contentsOf: summaryPNG).count) ?? 0
    #expect(summarySize > 100_000)
    // Printed on A4: the default summary used to be the whole detail (17 pages for the demo).
    let printedHTML = artifacts.appendingPathComponent("tablero-impreso.html")
    let printedPDF = artifacts.appendingPathComponent("tablero-impreso.pdf")
    let detailPDF = artifacts.appendingPathComponent("tablero-demo.pdf")
    #expect(try sandbox.run("export", "--file", demo, "--format", "html", printedHTML.path).status == 0)
    for (html, pdf) in [(printedHTML, printedPDF), (htmlURL, detailPDF)] {
      let printed = try Chromium.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", html.absoluteString], profile: profile)
      #expect(printed.status == 0, "chromium --print-to-pdf: \(printed.stderr)")
    }
    let summaryPages = Self.pageCount(try Data(contentsOf: printedPDF))
    let detailPages = Self.pageCount(try Data(contentsOf: detailPDF))
    // 3 pages before issue 12 added the "Indicadores" section to the summary; it takes one more.
    #expect((1...4).contains(summaryPages), "the demo's summary prints on at most 4 A4 pages (\(summaryPages))")
    #expect(detailPages > summaryPages, "the detail is longer (\(detailPages) pages)")
    print("HTML export screenshots: \(pngURL.path) (\(png.count) bytes), \(summaryPNG.path) (\(summarySize) bytes); "
      + "PDF pages: summary \(summaryPages), detail \(detailPages)")
  }
}
