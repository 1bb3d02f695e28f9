import TableroCore
import Testing
@testable import TableroUI

/// The conflict resolver of `tablero merge --interactivo`, driven headless: keys in, screen text
/// and resolutions out.
@Suite struct MergeResolverTests {
  /// Demo base; both copies changed ACMI-04's progress and its responsible differently; the
  /// other copy also changed ECE-02's progress (taken without asking).
  static func makeResult() throws -> MergeResult {
    let base = try EmbeddedPortfolios.load(.demo).portfolio
    var mine = base
    var theirs = base
    let acmi = try #require(base.initiativeIndex("ACMI-04"))
    let ece = try #require(base.initiativeIndex("ECE-02"))
    mine.initiatives[acmi].actualProgress = 55
    theirs.initiatives[acmi].actualProgress = 60
    mine.initiatives[acmi].responsible = "Ana"
    theirs.initiatives[acmi].responsible = "Luis"
    theirs.initiatives[ece].actualProgress = 90
    mine.reportDate = Day(year: 2013, month: 7, day: 31) ?? base.reportDate
    theirs.reportDate = Day(year: 2013, month: 8, day: 15) ?? base.reportDate
    return PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
  }

  struct Harness {
    var state: MergeResolverState
    var outcomes: [MergeResolverOutcome] = []

    init(size: Size = Size(width: 80, height: 24), language: Language = .es, unicode: Bool = true) throws {
      state = MergeResolverState(
        result: try MergeResolverTests.makeResult(), mineName: "mio.json", theirsName: "otro.json", language: language,
        useColor: false, useUnicode: unicode, size: size)
    }

    mutating func press(_ keys: Key...) {
      for key in keys { if let o = update(&state, with: key) { outcomes.append(o) } }
    }

    mutating func type(_ text: String) {
      for c in text { press(.character(c)) }
    }

    var lines: [String] { render(state).lines() }
    var text: String { lines.joined(separator: "\n") }
    func path(_ index: Int) -> MergePath { state.conflicts[index].path }
  }

  @Test func screenListsConflictsReadablyWithCounts() throws {
    let h = try Harness()
    #expect(h.state.conflicts.count == 3)
    let text = h.text
    #expect(h.lines[0].contains("Fusión: otro.json → mio.json"))
    #expect(h.lines[0].contains("a tres vías"))
    #expect(h.lines[1].contains("Cambios tomados del otro: 1"))
    #expect(h.lines[1].contains("Conflictos: 3 · resueltos: 0"))
    #expect(h.lines[1].contains("pendientes: 3"))
    #expect(text.contains("ACMI-04 · avance real"))
    #expect(text.contains("ACMI-04 · responsable"))
    #expect(text.contains("Portafolio · fecha del reporte"))
    #expect(text.contains("cambió en ambos"))
    #expect(text.contains("? pendiente"))
    // The panel of the first conflict: base, mine and theirs, with file names.
    #expect(text.contains("cambiado en ambos lados"))
    #expect(h.lines.contains { $0.contains("base") && $0.contains("│") })
    #expect(h.lines.contains { $0.contains("mío") && $0.contains("(mio.json)") })
    #expect(h.lines.contains { $0.contains("otro") && $0.contains("(otro.json)") })
    #expect(h.lines.last?.contains("m mío") == true)
    #expect(h.lines.last?.contains("Enter aplicar") == true)
    #expect(h.lines.last?.hasSuffix("? ayuda") == true)
    let screen = render(h.state)
    #expect(screen.size == Size(width: 80, height: 24))
  }

  @Test func mineTheirsAndEditAreRecordedAndMarked() throws {
    var h = try Harness()
    let progress = try #require(h.state.conflicts.firstIndex { $0.path.description == "initiatives[ACMI-04].actualProgress" })
    let responsible = try #require(h.state.conflicts.firstIndex { $0.path.description == "initiatives[ACMI-04].responsible" })
    h.press(.home)
    for _ in 0..<progress { h.press(.down) }
    h.press(.character("t"))
    #expect(h.state.resolution(of: h.path(progress)) == .theirs)
    #expect(h.lines.contains { $0.contains("● otro") && $0.contains("← elegido") })
    #expect(h.lines.contains { $0.contains("ACMI-04 · avance real") && $0.contains("✓ otro") })
    #expect(h.state.result.portfolio.initiative("ACMI-04")?.actualProgress == 60)

    h.press(.home)
    for _ in 0..<responsible { h.press(.down) }
    h.press(.character("e"))
    #expect(h.text.contains("Valor nuevo:"))
    #expect(h.text.contains("texto"))
    h.press(.control("u"))
    h.type("Ana y Luis")
    h.press(.enter)
    #expect(h.state.resolution(of: h.path(responsible)) == .value(.text("Ana y Luis")))
    #expect(h.state.result.portfolio.initiative("ACMI-04")?.responsible == "Ana y Luis")
    #expect(h.lines.contains { $0.contains("editado") && $0.contains("Ana y Luis") && $0.contains("← elegido") })
    #expect(h.lines[1].contains("resueltos: 2"))

    // Apply refuses while one is pending, and says how many.
    h.press(.enter)
    #expect(h.outcomes.isEmpty)
    #expect(h.text.contains("Falta 1 conflicto por resolver"))
    h.press(.character("m"))
    #expect(h.text.contains("Todo resuelto"))
    h.press(.character("a"))
    guard case .apply(let result) = h.outcomes.first else {
      Issue.record("expected apply, got \(h.outcomes)")
      return
    }
    #expect(result.unresolved.isEmpty)
    #expect(result.portfolio.initiative("ACMI-04")?.actualProgress == 60)
    #expect(result.portfolio.initiative("ACMI-04")?.responsible == "Ana y Luis")
    #expect(result.portfolio.initiative("ECE-02")?.actualProgress == 90)
    #expect(result.portfolio.reportDate == Day(year: 2013, month: 7, day: 31))
  }

  @Test func editRefusesValuesTheFieldDoesNotTake() throws {
    var h = try Harness()
    let progress = try #require(h.state.conflicts.firstIndex { $0.path.description == "initiatives[ACMI-04].actualProgress" })
    h.press(.home)
    for _ in 0..<progress { h.press(.down) }
    h.press(.character("e"), .control("u"))
    h.type("mucho")
    h.press(.enter)
    #expect(h.state.resolution(of: h.path(progress)) == nil)
    #expect(h.text.contains("No corresponde al campo; se espera: número"))
    // Right kind, but breaks a rule: progress above 100.
    h.press(.control("u"))
    h.type("150")
    h.press(.enter)
    #expect(h.state.resolution(of: h.path(progress)) == nil)
    if case .editing(let field) = h.state.mode {
      #expect(field.error != nil)
    } else {
      Issue.record("still editing expected")
    }
    h.press(.control("u"))
    h.type("57,5")
    h.press(.enter)
    #expect(h.state.resolution(of: h.path(progress)) == .value(.number(57.5)))
    // A date field takes a date.
    let date = try #require(h.state.conflicts.firstIndex { $0.path.description == "reportDate" })
    h.press(.home)
    for _ in 0..<date { h.press(.down) }
    h.press(.character("e"))
    #expect(h.text.contains("31/07/2013"))
    h.press(.control("u"))
    h.type("31/02/2013")
    h.press(.enter)
    #expect(h.state.resolution(of: h.path(date)) == nil)
    h.press(.control("u"))
    h.type("01/08/2013")
    h.press(.enter)
    #expect(h.state.resolution(of: h.path(date)) == .value(.day(Day(year: 2013, month: 8, day: 1) ?? Day(ordinal: 0))))
    // Esc leaves an edit without changing anything.
    h.press(.character("e"), .character("x"), .escape)
    #expect(h.state.mode == .browsing)
    #expect(h.text.contains("Edición cancelada"))
  }

  @Test func allTheirsSettlesPendingOnlyAndAllMineThen() throws {
    var h = try Harness()
    h.press(.character("m"))
    h.press(.character("T"))
    #expect(h.state.pendingCount == 0)
    #expect(h.state.resolution(of: h.path(0)) == .mine)
    #expect(h.state.resolution(of: h.path(1)) == .theirs)
    #expect(h.state.resolution(of: h.path(2)) == .theirs)
    #expect(h.text.contains("2 pendientes → otro"))
    h.press(.character("M"))
    #expect(h.text.contains("No quedan pendientes"))
  }

  @Test func cancelAsksOnlyWhenSomethingWasResolved() throws {
    var fresh = try Harness()
    fresh.press(.character("q"))
    #expect(fresh.outcomes == [.cancel])

    var h = try Harness()
    h.press(.character("t"), .escape)
    #expect(h.outcomes.isEmpty)
    #expect(h.text.contains("¿Cancelar la fusión? Se pierde 1 decisión"))
    h.press(.character("n"))
    #expect(h.outcomes.isEmpty)
    #expect(h.state.resolvedCount == 1)
    h.press(.character("q"), .character("s"))
    #expect(h.outcomes == [.cancel])
  }

  @Test func helpLineAndEnglish() throws {
    var h = try Harness(language: .en)
    #expect(h.lines[0].contains("Merge: otro.json → mio.json"))
    #expect(h.text.contains("ACMI-04 · actual progress"))
    #expect(h.lines.last?.contains("m mine") == true)
    h.press(.character("?"))
    #expect(h.text.contains("Help: resolving conflicts"))
    #expect(h.text.contains("every pending conflict: theirs"))
    h.press(.escape)
    #expect(h.outcomes.isEmpty)
    #expect(!h.text.contains("Help: resolving conflicts"))
  }

  @Test func asciiWithoutUnicodeStillMarksChoicesInWords() throws {
    var h = try Harness(unicode: false)
    h.press(.character("t"))
    var text = h.text
    #expect(text.contains("+ otro"))
    #expect(text.contains("* otro"))
    #expect(text.contains("<- elegido"))
    #expect(text.contains("Fusión: otro.json -> mio.json"))
    h.press(.character("?"))
    text += h.text
    #expect(text.contains("left/right"))
    let odd = text.unicodeScalars.filter { !$0.isASCII && !"áéíóúñ¿«»·".unicodeScalars.contains($0) }
    #expect(odd.isEmpty, "\(String(String.UnicodeScalarView(odd)))")
  }

  @Test func aWholeItemIsMineOrTheirsOnly() throws {
    let base = try EmbeddedPortfolios.load(.demo).portfolio
    var mine = base
    var theirs = base
    try mine.remove("ECE-02")
    let ece = try #require(base.initiativeIndex("ECE-02"))
    theirs.initiatives[ece].actualProgress = 12
    var state = MergeResolverState(
      result: PortfolioMerge.merge(base: base, mine: mine, theirs: theirs), mineName: "mio.json", theirsName: "otro.json")
    #expect(state.conflicts.count == 1)
    var text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("ECE-02 · elemento completo"))
    #expect(text.contains("eliminado aquí"))
    #expect(text.contains("(eliminado)"))
    _ = update(&state, with: .character("e"))
    #expect(state.mode == .browsing)
    text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("Este conflicto es el elemento completo: elija m (mío) o t (otro)."))
    _ = update(&state, with: .character("t"))
    let outcome = update(&state, with: .enter)
    guard case .apply(let result) = outcome else {
      Issue.record("expected apply, got \(String(describing: outcome))")
      return
    }
    #expect(result.portfolio.initiative("ECE-02")?.actualProgress == 12)
  }

  @Test func tooSmallTerminalSaysSo() throws {
    var h = try Harness(size: Size(width: 79, height: 24))
    #expect(h.text.contains("Terminal demasiado pequeña"))
    h.state.size = Size(width: 80, height: 23)
    #expect(h.text.contains("Terminal demasiado pequeña"))
    h.state.size = Size(width: 80, height: 24)
    #expect(!h.text.contains("Terminal demasiado pequeña"))
  }

  /// Every key, in every mode, at small, minimum and large sizes: no trap, the screen is the
  /// terminal's size, the selection stays in range.
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 10), Size(width: 200, height: 60), Size(width: 0, height: 0), Size(width: 1, height: 1)])
  func everyKeyAtEverySizeNeverTraps(size: Size) throws {
    var keys: [Key] = [
      .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .backspace, .delete,
      .control("u"), .control("a"), .control("e"), .function(1), .function(5),
    ]
    for c in "mtejkgGMT?xz0123456789,./-– ñé漢😀\u{301}" { keys.append(.character(c)) }
    let modeEntries: [[Key]] = [[], [.character("e")], [.character("t"), .character("q")], [.character("?")]]
    for entry in modeEntries {
      for key in keys + [.enter, .escape, .character("q"), .character("a")] {
        var h = try Harness(size: size)
        h.press(entry)
        for _ in 0..<3 { h.press(key) }
        let screen = render(h.state)
        #expect(screen.size == size)
        #expect(h.state.conflicts.isEmpty || h.state.conflicts.indices.contains(h.state.selected))
        for line in screen.lines() { #expect(line.displayWidth <= size.width) }
      }
    }
    // A long random-ish walk through every mode.
    var h = try Harness(size: size)
    let all = keys + [.enter, .escape, .character("q"), .character("a"), .character("s"), .character("n")]
    var x: UInt64 = 7
    for step in 0..<2000 {
      x = x &* 6364136223846793005 &+ 1442695040888963407
      h.press(all[Int((x >> 33) % UInt64(all.count))])
      if h.outcomes.last == .cancel || step % 400 == 0 { h = try Harness(size: size) }
      _ = render(h.state)
    }
  }
}

extension MergeResolverTests.Harness {
  mutating func press(_ keys: [Key]) { for k in keys { press(k) } }
}

/// Issue 12: a measurement changed on both sides shows in the resolver readably and is
/// settled with `t` like any other conflict.
@Suite struct IndicatorMergeResolverTests {
  @Test func aMeasurementConflictIsResolvedInTheResolver() throws {
    let base = try EmbeddedPortfolios.load(.demo).portfolio
    var mine = base
    var theirs = base
    let day = try #require(Day(iso: "2013-06-30"))
    try mine.recordMeasurement(Measurement(day: day, value: 41, note: "oficina"), of: "1.1")
    try theirs.recordMeasurement(Measurement(day: day, value: 43, note: "campo"), of: "1.1")
    var state = MergeResolverState(
      result: PortfolioMerge.merge(base: base, mine: mine, theirs: theirs), mineName: "mio.json", theirsName: "otro.json",
      language: .es, useColor: false, useUnicode: true, size: Size(width: 100, height: 30))
    #expect(state.conflicts.count == 1)
    let text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("indicador 1.1 · medición del 30/06/2013"), "\(text)")
    #expect(text.contains("«campo»"), "\(text)")
    _ = update(&state, with: .character("t"))
    let outcome = update(&state, with: .enter)
    guard case .apply(let result)? = outcome else {
      Issue.record("no apply: \(String(describing: outcome))")
      return
    }
    let x = try #require(result.portfolio.indicators.first { $0.id == "1.1" })
    #expect(x.measurements.last { $0.day == day }?.value == 43)
  }
}
