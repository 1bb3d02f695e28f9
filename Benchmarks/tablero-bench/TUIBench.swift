import TableroCore
import TableroUI

/// `tablero-bench --tui`: the terminal UI's own work, in process, on an 80×24 screen.
///
/// For each size: start-up (load the file, `AppState.init`, first `render`, first diff),
/// then key presses timed one by one, each as the app does it per key: `update`, `render`
/// and the diff against the previous frame (`ScreenBuffer.changes(since:)`, what
/// `ScreenWriter` hands to ncurses). The ncurses side (a few hundred `mvadd_wch` and one
/// refresh) is not included; `TABLERO_FRAME_LOG` times it inside the real binary.
enum TUIBench {
  static let screen = Size(width: 80, height: 24)
  static let today = Day(year: 2020, month: 7, day: 1)!

  /// Drives one `AppState` as the event loop would and records each press.
  struct Driver {
    var state: AppState
    var frame: ScreenBuffer
    var lastChanges = 0

    init(_ loaded: LoadedPortfolio) {
      state = AppState(loaded: loaded, config: AppConfig(filePath: "bench.json", today: TUIBench.today), size: TUIBench.screen)
      frame = render(state)
    }

    /// update + render + diff for one key; milliseconds.
    @discardableResult
    mutating func press(_ key: Key) -> Double {
      let start = Measure.now()
      let cpuStart = Measure.cpuNow()
      _ = update(&state, with: .key(key))
      let next = render(state)
      lastChanges = next.changes(since: frame).count
      let ms = Double(Measure.now() - start) / 1e6
      lastCPU = Double(Measure.cpuNow() - cpuStart) / 1e6
      frame = next
      return ms
    }

    /// CPU milliseconds of the last `press` (the wall time above also counts waiting for a
    /// core on a loaded machine).
    var lastCPU = 0.0

    mutating func type(_ text: String) -> [Double] {
      text.map { press(.character($0)) }
    }

    /// What the event loop does after 200 ms without input (not timed: no key waits on it).
    mutating func idle() { _ = update(&state, with: .idle) }

    /// Index of the selected row of the tree.
    var treeSelected: Int { state.treeCursor.selected }
  }

  /// Times of one kind of key press.
  struct Sample {
    var name: String
    var times: [Double] = []
    var cpu: [Double] = []
    var note = ""

    /// Records the press just made by `driver` (wall ms given, CPU ms from the driver).
    mutating func add(_ ms: Double, _ driver: Driver) {
      times.append(ms)
      cpu.append(driver.lastCPU)
    }

    var cpuMedian: Double { Self.quantile(cpu.sorted(), 0.5) }

    var sorted: [Double] { times.sorted() }
    var median: Double { Self.quantile(sorted, 0.5) }
    var p95: Double { Self.quantile(sorted, 0.95) }
    var max: Double { times.max() ?? 0 }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let index = Int((Double(sorted.count - 1) * q).rounded(.up))
      return sorted[Swift.min(sorted.count - 1, index)]
    }
  }

  static func run(sizes: [Int], presses: Int, directory: String, startupOnly: Bool = false) -> String {
    var out: [String] = []
    out.append("| initiatives | components | key | presses | median ms | p95 ms | max ms | median CPU ms | note |")
    out.append("|---:|---:|---|---:|---:|---:|---:|---:|---|")
    var startRows: [String] = []
    startRows.append(
      "| initiatives | load+validate ms | AppState.init ms | first render+diff ms | total ms | init CPU ms | total CPU ms | peak RSS MiB |")
    startRows.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes {
      let file = Phases.path(directory: directory, size: size)
      if (try? PortfolioStore.load(from: file)) == nil {
        let portfolio = SyntheticPortfolio.make(initiatives: size)
        do { try PortfolioStore.save(portfolio, to: file) } catch { fatalError("\(error)") }
      }
      // Start-up: median of 3 runs of load + init + first frame.
      var loads: [Double] = []
      var inits: [Double] = []
      var firsts: [Double] = []
      var totals: [Double] = []
      var initCPUs: [Double] = []
      var totalCPUs: [Double] = []
      var loaded: LoadedPortfolio!
      for _ in 0..<3 {
        loaded = nil
        let c0 = Measure.cpuNow()
        let t0 = Measure.now()
        do { loaded = try PortfolioStore.load(from: file) } catch { fatalError("\(error)") }
        let t1 = Measure.now()
        let c1 = Measure.cpuNow()
        let state = AppState(loaded: loaded, config: AppConfig(filePath: file, today: today), size: screen)
        let t2 = Measure.now()
        let c2 = Measure.cpuNow()
        let frame = render(state)
        _ = frame.changes(since: ScreenBuffer(size: .zero)).count
        let t3 = Measure.now()
        let c3 = Measure.cpuNow()
        initCPUs.append(Double(c2 - c1) / 1e6)
        totalCPUs.append(Double(c3 - c0) / 1e6)
        loads.append(Double(t1 - t0) / 1e6)
        inits.append(Double(t2 - t1) / 1e6)
        firsts.append(Double(t3 - t2) / 1e6)
        totals.append(Double(t3 - t0) / 1e6)
      }
      func med(_ v: [Double]) -> String { fmt(Sample.quantile(v.sorted(), 0.5)) }
      startRows.append(
        "| \(size) | \(med(loads)) | \(med(inits)) | \(med(firsts)) | **\(med(totals))** | \(med(initCPUs)) | \(med(totalCPUs)) | \(fmt(Measure.peakRSSMiB)) |")
      if startupOnly { continue }

      let components = loaded.portfolio.components.count
      let perComponent = Double(size) / Double(max(1, components))
      for sample in scenarios(loaded, presses: presses, perComponent: perComponent) {
        out.append(
          "| \(size) | \(components) | \(sample.name) | \(sample.times.count) | \(fmt(sample.median)) | \(fmt(sample.p95)) | \(fmt(sample.max)) | \(sample.cpu.isEmpty ? "" : fmt(sample.cpuMedian)) | \(sample.note) |")
      }
    }
    if startupOnly { return (["Start-up to first frame (in process, median of 3):", ""] + startRows).joined(separator: "\n") }
    return (["Start-up to first frame (in process, median of 3):", ""] + startRows + ["", "Key press to frame (update + render + diff, 80×24):", ""] + out)
      .joined(separator: "\n")
  }

  static func scenarios(_ loaded: LoadedPortfolio, presses: Int, perComponent: Double) -> [Sample] {
    var samples: [Sample] = []
    let base = Driver(loaded)

    // 1. Dashboard: ↓ from the top.
    do {
      var d = base
      var s = Sample(name: "dashboard ↓", note: "\(d.state.dashboardRows.count) rows")
      for _ in 0..<presses { s.add(d.press(.down), d) }
      samples.append(s)
    }
    // 2. Tree: ↓ from the top (first imperative expanded, as at start).
    do {
      var d = base
      d.press(.character("2"))
      var s = Sample(name: "tree ↓", note: "\(d.state.treeRows.count) rows")
      for _ in 0..<presses { s.add(d.press(.down), d) }
      samples.append(s)
    }
    // 3. Tree: Enter on a component (expand its initiatives), Enter again (collapse), ↓.
    do {
      var d = base
      d.press(.character("2"))
      d.press(.down)  // first component of the first imperative
      var expand = Sample(name: "tree Enter (expand component)", note: String(format1(perComponent)) + " initiatives per component on average")
      var collapse = Sample(name: "tree Enter (collapse component)")
      var right = Sample(name: "tree → (expand component)")
      var left = Sample(name: "tree ← (collapse component)")
      for k in 0..<max(1, presses / 4) {
        if k % 2 == 0 {
          expand.times.append(d.press(.enter))
          collapse.times.append(d.press(.enter))
        } else {
          right.times.append(d.press(.right))
          left.times.append(d.press(.left))
        }
        d.press(.down)
      }
      samples += [expand, collapse, right, left]
    }
    // 4. Search from the dashboard: `/`, then each character of the query, then Esc.
    do {
      var d = base
      let queries = ["telemedicina rural", "padron unico", "certificar la acreditacion", "c00777-00012", "zzz no hay"]
      var open = Sample(name: "search /")
      var keys = Sample(name: "search keystroke")
      var first = Sample(name: "search first keystroke (builds the index)")
      var missing = Sample(name: "search keystroke, no match (scans all)")
      var first0 = true
      for _ in 0..<max(1, presses / 60) {
        for query in queries {
          open.times.append(d.press(.character("/")))
          for c in query {
            let ms = d.press(.character(c))
            if first0 {
              first.times.append(ms)
              first0 = false
            } else if d.state.message?.kind == .error {
              missing.times.append(ms)
            } else {
              keys.times.append(ms)
            }
          }
          d.press(.escape)
          d.press(.escape)  // leave the drill-down
        }
      }
      samples += [open, first, keys, missing]
    }
    // 5. Progress edit from the tree: select an initiative, `e`, clear, type, Enter. The loop
    // reports `.idle` when no key comes for 200 ms, as a user filling a form leaves it; the
    // first round has none (Enter right after loading), to show that case too.
    do {
      var d = base
      d.press(.character("2"))
      d.press(.down)
      d.press(.enter)  // expand the first component
      var open = Sample(name: "edit: e (open form)")
      var typing = Sample(name: "edit: typing in the form")
      var enter = Sample(name: "edit: Enter (apply, recompute status)")
      var firstEnter = Sample(name: "edit: Enter, first edit with no idle moment since loading")
      let rounds = max(1, presses / 10)
      for k in 0..<rounds {
        d.press(.down)
        guard d.state.selectedItem?.kind == .initiative else { continue }
        open.times.append(d.press(.character("e")))
        typing.times.append(d.press(.control("u")))
        typing.times += d.type(String(10 + (k * 7) % 80))
        if k == 0 {
          firstEnter.times.append(d.press(.enter))
        } else {
          d.idle()
          enter.add(d.press(.enter), d)
        }
        if d.state.modal != nil { d.press(.escape) }
      }
      samples += [open, typing, enter, firstEnter]
    }
    // 6. With a status filter on (`f`: red, then red and yellow…): the keys that rebuild the
    // rows: `f` itself, moving in the tree, drill-in on the dashboard, a progress edit.
    do {
      var d = base
      d.idle()
      var cycle = Sample(name: "filter: f (next status filter)")
      var down = Sample(name: "filter on (red): tree ↓")
      var drillIn = Sample(name: "filter on (red): dashboard Enter (drill in)")
      var back = Sample(name: "filter on (red): dashboard Esc (back to the filtered top level)")
      var edit = Sample(name: "filter on (red): edit Enter")
      for _ in 0..<max(1, presses / 40) {
        for _ in 0..<5 { cycle.add(d.press(.character("f")), d) }
      }
      d.press(.character("f"))  // red
      cycle.note = "\(d.state.dashboardRows.count) dashboard rows with red only"
      d.press(.character("1"))
      // Enter on a component row (on an initiative it would open the tree, where Esc clears
      // the filter instead of going back).
      for _ in 0..<max(1, presses / 20) {
        d.press(.down)
        while d.state.selectedItem?.kind != .component, d.state.dashboardCursor.selected + 1 < d.state.dashboardRows.count {
          d.press(.down)
        }
        let inMS = d.press(.enter)
        let inCPU = d.lastCPU
        drillIn.times.append(inMS)
        drillIn.cpu.append(inCPU)
        back.add(d.press(.escape), d)
      }
      d.press(.character("2"))
      down.note = "\(d.state.treeRows.count) tree rows"
      if !d.state.filter.isActive { down.note += " (filter lost!)" }
      for _ in 0..<max(1, presses / 4) { down.add(d.press(.down), d) }
      for k in 0..<max(1, presses / 20) {
        d.press(.down)
        guard d.state.selectedItem?.kind == .initiative else { continue }
        d.press(.character("e"))
        d.press(.control("u"))
        _ = d.type(String(10 + (k * 7) % 80))
        d.idle()
        edit.add(d.press(.enter), d)
        if d.state.modal != nil { d.press(.escape) }
      }
      if !d.state.filter.isActive { edit.note = "filter lost!" }
      samples += [cycle, down, drillIn, back, edit]
    }
    return samples
  }

  static func fmt(_ v: Double) -> String {
    v < 10 ? "\((v * 100).rounded() / 100)" : "\((v * 10).rounded() / 10)"
  }

  static func format1(_ v: Double) -> String { "\((v * 10).rounded() / 10)" }
}
