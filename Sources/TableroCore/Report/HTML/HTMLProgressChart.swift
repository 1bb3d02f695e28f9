/// Progress over time of one item as inline SVG: the expected curve (StatusEngine at monthly
/// dates) dashed, the actual progress solid with a marker per known value (a step line: an
/// entered value holds until the next change), and the report date as a vertical line. With
/// no history the actual progress is a single marked point at the report date.
extension HTMLReport {
  struct ChartItem {
    var key: String
    var title: String
    var status: ItemStatus
    var expected: [ProgressPoint]
    var actual: [ProgressPoint]
    /// When it gives a finish date: a dotted projection from the current value to 100%.
    var forecast: Forecast? = nil
  }

  /// The forecast finish date, when there is one after the report date.
  static func projectedFinish(_ f: Forecast?, after day: Day) -> Day? {
    guard case .finishes(let finish)? = f?.outcome, finish > day else { return nil }
    return finish
  }

  func chart(_ item: ChartItem, reportDate: Day, tolerance: Double) -> String {
    let width = 440.0
    let height = 220.0
    let left = 40.0
    let right = 14.0
    let top = 14.0
    let bottom = 30.0
    guard let start = item.status.start, let end0 = item.status.end else { return "" }
    let known = item.actual.filter { $0.day <= reportDate }.map(\.day)
    let from = min(start, reportDate, known.min() ?? start)
    // The axis stretches to a forecast finish, but at most ten years past the plan, so a
    // very slow item does not squash its curves; the projection is then cut at the edge.
    let projected = Self.projectedFinish(item.forecast, after: reportDate)
    let planEnd = max(end0, reportDate)
    let limit = planEnd.adding(days: 3653)
    let to = projected.map { max(planEnd, min($0, limit)) } ?? planEnd
    let span = Double(max(1, from.days(to: to)))
    func x(_ day: Day) -> Double { left + (width - left - right) * Double(from.days(to: day)) / span }
    func y(_ percent: Double) -> Double { top + (height - top - bottom) * (1 - min(100, max(0, percent)) / 100) }

    let level = item.status.level
    var out = "<div class=\"chart\" data-id=\"\(HTML.escape(item.key))\">\n"
    out += "<h3>\(HTML.escape(item.title))</h3>\n"
    out += "<p><span class=\"badge st-\(level.colorName)\"><span aria-hidden=\"true\">\(level.glyph)</span> "
      + "\(HTML.escape(level.label(l, tolerance: tolerance)))</span> "
      + HTML.escape(
        l.pick("Esperado ", "Expected ") + Format.percent(item.status.expected) + " · " + l.pick("Real ", "Actual ")
          + Format.percent(item.status.actual) + " · " + l.pick("Desviación ", "Deviation ")
          + Format.deviation(item.status.deviation, tolerance: tolerance)) + "</p>\n"
    let label = l.pick("Avance esperado y real de ", "Expected and actual progress of ") + item.title
    out += "<svg class=\"progress\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" "
      + "width=\"\(HTML.n(width))\" height=\"\(HTML.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\">\n"
    // Grid: 0–100 % every 25, years along the bottom.
    for p in stride(from: 0.0, through: 100, by: 25) {
      out += "<line x1=\"\(HTML.n(left))\" y1=\"\(HTML.n(y(p)))\" x2=\"\(HTML.n(width - right))\" y2=\"\(HTML.n(y(p)))\" stroke=\"\(p == 0 ? "#607d8b" : "#e0e0e0")\"/>"
      out += "<text x=\"\(HTML.n(left - 4))\" y=\"\(HTML.n(y(p) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#455a64\">\(Int(p))%</text>\n"
    }
    let firstYear = from.year + 1
    let lastYear = to.year
    let step = max(1, Int((Double(lastYear - firstYear + 1) / 6).rounded(.up)))
    var yearValue = firstYear
    while yearValue <= lastYear {
      if let day = Day(year: yearValue, month: 1, day: 1), day > from, day < to {
        let xv = x(day)
        out += "<line x1=\"\(HTML.n(xv))\" y1=\"\(HTML.n(top))\" x2=\"\(HTML.n(xv))\" y2=\"\(HTML.n(height - bottom + 4))\" stroke=\"#eeeeee\"/>"
        out += "<text x=\"\(HTML.n(xv))\" y=\"\(HTML.n(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#455a64\">\(yearValue)</text>\n"
      }
      yearValue += step
    }
    // Report date.
    let xr = x(reportDate)
    out += "<line class=\"report-date\" x1=\"\(HTML.n(xr))\" y1=\"\(HTML.n(top - 4))\" x2=\"\(HTML.n(xr))\" y2=\"\(HTML.n(height - bottom))\" "
      + "stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"><title>\(HTML.escape(l.pick("Fecha del reporte ", "Report date ") + reportDate.display))</title></line>\n"
    // Expected: dashed.
    let expected = item.expected.filter { $0.day >= from && $0.day <= to }
    if !expected.isEmpty {
      let points = expected.map { "\(HTML.n(x($0.day))),\(HTML.n(y($0.actual)))" }.joined(separator: " ")
      out += "<polyline class=\"expected\" points=\"\(points)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n"
    }
    // Actual: known values up to the report date, then the current value at the report date.
    var actual = item.actual.filter { $0.day <= reportDate }.sorted { $0.day < $1.day }
    if let current = item.status.actual, actual.last?.day != reportDate {
      actual.append(ProgressPoint(day: reportDate, actual: current))
    }
    if actual.count > 1 {
      var path = "M\(HTML.n(x(actual[0].day))),\(HTML.n(y(actual[0].actual)))"
      for p in actual.dropFirst() { path += " H\(HTML.n(x(p.day))) V\(HTML.n(y(p.actual)))" }
      out += "<path class=\"actual\" d=\"\(path)\" fill=\"none\" stroke=\"#111111\" stroke-width=\"2.5\"/>\n"
    }
    for (i, p) in actual.enumerated() {
      let last = i == actual.count - 1
      out += "<circle class=\"actual-point\" cx=\"\(HTML.n(x(p.day)))\" cy=\"\(HTML.n(y(p.actual)))\" r=\"\(last ? 5 : 3.5)\" "
        + "fill=\"#111111\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>\(HTML.escape(l.pick("Real ", "Actual ")))"
        + "\(p.day.display): \(Format.percent(p.actual))</title></circle>\n"
    }
    if let finish = projected, let current = item.status.actual, let forecast = item.forecast {
      let total = Double(max(1, reportDate.days(to: finish)))
      let endDay = min(finish, to)
      let endValue = current + (100 - current) * Double(reportDate.days(to: endDay)) / total
      out += "<line class=\"projection\" x1=\"\(HTML.n(xr))\" y1=\"\(HTML.n(y(current)))\" x2=\"\(HTML.n(x(endDay)))\" y2=\"\(HTML.n(y(endValue)))\" "
        + "stroke=\"#6a1b9a\" stroke-width=\"2\" stroke-dasharray=\"2 3\" stroke-linecap=\"round\">"
        + "<title>\(HTML.escape(forecast.sentence(l)))</title></line>\n"
    }
    if let e = item.status.expected {
      out += "<circle class=\"expected-point\" cx=\"\(HTML.n(xr))\" cy=\"\(HTML.n(y(e)))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#1565c0\" stroke-width=\"2\"/>\n"
    }
    if let a = item.status.actual {
      // Labels beside the report-date markers, on the side with more room.
      let anchor = xr > width / 2 ? "end" : "start"
      let dx = anchor == "end" ? -8.0 : 8.0
      let ya = y(a)
      var ye = item.status.expected.map(y) ?? ya
      if abs(ye - ya) < 15 { ye = ya + (ye >= ya ? 15 : -15) }
      out += "<text x=\"\(HTML.n(xr + dx))\" y=\"\(HTML.n(ya + 4))\" text-anchor=\"\(anchor)\" font-size=\"13\" font-weight=\"bold\" fill=\"#111111\" "
        + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTML.escape(l.pick("Real ", "Actual ")))\(Format.percent(a))</text>\n"
      if let e = item.status.expected {
        out += "<text x=\"\(HTML.n(xr + dx))\" y=\"\(HTML.n(min(height - bottom - 2, max(top + 8, ye + 4))))\" text-anchor=\"\(anchor)\" font-size=\"13\" fill=\"#0d47a1\" "
          + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTML.escape(l.pick("Esperado ", "Expected ")))\(Format.percent(e))</text>\n"
      }
    }
    out += "</svg>\n</div>\n"
    return out
  }

  func chartKey(hasHistory: Bool) -> String {
    var out = "<svg class=\"chart-key\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 780 22\" width=\"780\" height=\"22\" style=\"max-width:780px\" "
      + "role=\"img\" aria-label=\"\(HTML.escape(l.pick("Clave de las curvas", "Chart key")))\">\n"
    out += "<line x1=\"2\" y1=\"11\" x2=\"40\" y2=\"11\" stroke=\"#1565c0\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>"
    out += "<text x=\"46\" y=\"15\" font-size=\"12\">\(HTML.escape(l.pick("Avance esperado", "Expected progress")))</text>\n"
    out += "<line x1=\"190\" y1=\"11\" x2=\"228\" y2=\"11\" stroke=\"#111111\" stroke-width=\"2.5\"/><circle cx=\"228\" cy=\"11\" r=\"4.5\" fill=\"#111111\"/>"
    let actual = hasHistory ? l.pick("Avance real (historial)", "Actual progress (history)") : l.pick("Avance real a la fecha del reporte", "Actual progress at the report date")
    out += "<text x=\"238\" y=\"15\" font-size=\"12\">\(HTML.escape(actual))</text>\n"
    out += "<line x1=\"520\" y1=\"2\" x2=\"520\" y2=\"20\" stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
    out += "<text x=\"528\" y=\"15\" font-size=\"12\">\(HTML.escape(l.pick("Fecha del reporte", "Report date")))</text>\n"
    out += "<line x1=\"640\" y1=\"11\" x2=\"672\" y2=\"11\" stroke=\"#6a1b9a\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>"
    out += "<text x=\"678\" y=\"15\" font-size=\"12\">\(HTML.escape(l.pick("Pronóstico", "Forecast")))</text>\n"
    return out + "</svg>\n"
  }
}
