/// The "Indicadores" section, in the summary and the detail: per imperative (then the other
/// owners), each indicator with unit, baseline, goal, latest value and status (colour, glyph and
/// word, as Cuadro 9), and a small inline chart of the measured series against the planned
/// trajectory (IndicatorTrajectory). An indicator without a trajectory shows "Sin meta" and
/// only its measurements, on no invented goal axis.
extension HTMLReport {
  func indicators(_ portfolio: Portfolio) -> String {
    let report = IndicatorReport(portfolio)
    let tolerance = portfolio.tolerance
    var out = "<section class=\"indicators\">\n<div class=\"keep heading-group\">\n<h2>\(l.pick("Indicadores", "Indicators"))</h2>\n"
    let key = l.pick(
      "Gráfica: valores medidos (línea continua) contra la trayectoria planeada de la línea base a la meta (línea discontinua).",
      "Chart: measured values (solid line) against the planned path from the baseline to the goal (dashed line).")
    out += "<p class=\"note\">\(HTML.escape(key))</p>\n</div>\n"
    guard !report.rows.isEmpty else {
      return out + "<p class=\"none\">\(l.pick("Sin indicadores.", "No indicators."))</p>\n</section>\n"
    }
    let headers = [
      l.pick("Indicador", "Indicator"), l.pick("Unidad", "Unit"), l.pick("Línea base", "Baseline"), l.pick("Meta", "Goal"),
      l.pick("Último valor", "Latest value"), l.pick("Estado", "Status"), l.pick("Serie contra la meta", "Series against the goal"),
    ]
    var lastOwner: String?
    var open = false
    for r in report.rows {
      if r.indicator.ownerID != lastOwner {
        if open { out += "</tbody>\n</table>\n</div>\n" }
        lastOwner = r.indicator.ownerID
        // The heading keeps with its first rows (print: h3 break-after avoid); the table may flow.
        out += "<div class=\"owner\">\n<h3><span class=\"id\">\(HTML.escape(r.indicator.ownerID))</span> \(HTML.escape(r.ownerName))</h3>\n"
        out += "<table class=\"indicators\">\n<thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
          + "</tr></thead>\n<tbody>\n"
        open = true
      }
      let x = r.indicator
      let s = r.status
      out += "<tr class=\"indicator row-\(s.level.colorName)\" data-indicator=\"\(HTML.escape(x.id))\" data-status=\"\(s.colorName)\">"
      out += "<td class=\"name\"><span class=\"id\">\(HTML.escape(x.id))</span> \(HTML.escape(x.name))</td>"
      out += "<td>\(HTML.escape(x.unit.isEmpty ? "–" : x.unit))</td>"
      out += "<td class=\"num\">\(HTML.escape(IndicatorReport.target(x.baseline)))</td>"
      out += "<td class=\"num\">\(HTML.escape(IndicatorReport.target(x.finalGoal)))</td>"
      out += "<td class=\"num\">\(HTML.escape(IndicatorReport.latest(s)))</td>"
      out += "<td class=\"state st-\(s.level.colorName)\"><span class=\"glyph\" aria-hidden=\"true\">\(s.glyph)</span> "
        + HTML.escape(s.label(l, tolerance: tolerance))
        + (s.deviation.map { " (" + Format.percent($0) + ")" } ?? "") + "</td>"
      out += "<td class=\"spark\">\(sparkline(x, status: s, reportDate: portfolio.reportDate))</td></tr>\n"
    }
    if open { out += "</tbody>\n</table>\n</div>\n" }
    return out + "</section>\n"
  }

  /// A 180×54 chart: the trajectory dashed, the measured values solid with dots, the report
  /// date as a thin red line. Without a trajectory only the measurements, and no goal line.
  func sparkline(_ x: Indicator, status s: IndicatorStatus, reportDate: Day) -> String {
    let measured = x.measurements.filter { $0.day <= reportDate }.compactMap { m in m.value.map { (day: m.day, value: $0) } }
      .sorted { $0.day < $1.day }
    let trajectory = IndicatorTrajectory(x)
    let planned = trajectory?.points.map { (day: $0.day, value: $0.value) } ?? []
    let all = measured + planned
    guard let first = all.map(\.day).min(), let last = all.map(\.day).max(), let low0 = all.map(\.value).min(),
      let high0 = all.map(\.value).max()
    else {
      return "<span class=\"note\">\(HTML.escape(trajectory == nil ? l.pick("Sin meta ni mediciones", "No goal, no measurements") : "–"))</span>"
    }
    let width = 180.0
    let height = 54.0
    let pad = 5.0
    let from = min(first, reportDate)
    let to = max(last, reportDate)
    let span = Double(max(1, from.days(to: to)))
    let margin = high0 == low0 ? max(1, abs(high0) * 0.1) : (high0 - low0) * 0.1
    let low = low0 - margin
    let high = high0 + margin
    func px(_ d: Day) -> String { HTML.n(pad + (width - 2 * pad) * Double(from.days(to: d)) / span) }
    func py(_ v: Double) -> String { HTML.n(pad + (height - 2 * pad) * (1 - (v - low) / (high - low))) }
    let label = x.id + " " + x.name + ": " + s.shortLabel(l)
    var out = "<svg class=\"indicator-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" "
      + "width=\"\(HTML.n(width))\" height=\"\(HTML.n(height))\" style=\"max-width:\(HTML.n(width))px\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
    out += "<line x1=\"\(px(reportDate))\" y1=\"2\" x2=\"\(px(reportDate))\" y2=\"\(HTML.n(height - 2))\" stroke=\"#c62828\" stroke-width=\"1\"/>"
    if planned.count > 1 {
      let points = planned.map { "\(px($0.day)),\(py($0.value))" }.joined(separator: " ")
      out += "<polyline class=\"trajectory\" points=\"\(points)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
    }
    if measured.count > 1 {
      let points = measured.map { "\(px($0.day)),\(py($0.value))" }.joined(separator: " ")
      out += "<polyline class=\"measured\" points=\"\(points)\" fill=\"none\" stroke=\"#111111\" stroke-width=\"2\"/>"
    }
    for m in measured {
      out += "<circle class=\"measure-point\" cx=\"\(px(m.day))\" cy=\"\(py(m.value))\" r=\"2.5\" fill=\"\(HTMLStyle.strong(s.level))\" stroke=\"#111111\">"
        + "<title>\(m.day.display): \(HTML.escape(Format.measure(m.value)))</title></circle>"
    }
    out += "</svg>"
    if trajectory == nil { out += "<span class=\"note\">\(HTML.escape(l.pick("Sin meta: solo mediciones", "No goal: measurements only")))</span>" }
    return out
  }
}
