import TableroJSON

/// `tablero indicadores`: every indicator with its owner, unit, baseline, goal, latest value
/// and status, as text, Markdown, CSV or JSON.
public struct IndicatorReport: Sendable {
  public struct Row: Sendable {
    public var indicator: Indicator
    public var ownerName: String
    public var status: IndicatorStatus
  }

  public let portfolio: Portfolio
  public let rows: [Row]

  /// Rows grouped by owner in the order of imperatives, then components, then the rest.
  public init(_ portfolio: Portfolio, owner: String? = nil) {
    self.portfolio = portfolio
    var names: [String: String] = [:]
    var order: [String: Int] = [:]
    for (i, m) in portfolio.imperatives.enumerated() { names[m.id] = m.name; order[m.id] = i }
    for (i, c) in portfolio.components.enumerated() where names[c.id] == nil {
      names[c.id] = c.name
      order[c.id] = portfolio.imperatives.count + i
    }
    let list = portfolio.indicators.enumerated()
      .filter { owner == nil || $0.element.ownerID == owner }
      .sorted { (order[$0.element.ownerID] ?? .max, $0.offset) < (order[$1.element.ownerID] ?? .max, $1.offset) }
    rows = list.map { _, x in
      Row(
        indicator: x, ownerName: names[x.ownerID] ?? x.ownerID,
        status: IndicatorEvaluator.evaluate(x, at: portfolio.reportDate, tolerance: portfolio.tolerance))
    }
  }

  /// "50 (2018)", "N.D. (2018)", or "–".
  public static func target(_ t: IndicatorTarget?) -> String {
    guard let t else { return "–" }
    return "\(t.value.map(Format.measure) ?? (t.reason.isEmpty ? "–" : t.reason)) (\(t.year))"
  }

  /// "62 (31/12/2020)"; a newer absent value adds its reason: "62 (31/12/2020); N.D. 31/12/2021".
  public static func latest(_ s: IndicatorStatus) -> String {
    var parts: [String] = []
    if let m = s.latest, let v = m.value { parts.append("\(Format.measure(v)) (\(m.day.display))") }
    if let last = s.lastRecord, last.value == nil, s.latest.map({ last.day > $0.day }) ?? true {
      parts.append("\(last.reason) (\(last.day.display))")
    }
    return parts.isEmpty ? "–" : parts.joined(separator: "; ")
  }

  public static func trendLabel(_ t: IndicatorTrend, _ l: Language) -> String {
    switch t {
    case .ascending: l.pick("ascendente", "ascending")
    case .descending: l.pick("descendente", "descending")
    case .constant: l.pick("constante", "constant")
    }
  }

  public func render(_ format: ReportFormat, language l: Language) -> String {
    let tolerance = portfolio.tolerance
    let header = [
      l.pick("id", "id"), l.pick("pertenece a", "belongs to"), l.pick("indicador", "indicator"), l.pick("unidad", "unit"),
      l.pick("sentido", "trend"), l.pick("línea base", "baseline"), l.pick("meta", "goal"), l.pick("último valor", "latest"),
      l.pick("esperado", "expected"), l.pick("desviación", "deviation"), l.pick("estado", "status"),
    ]
    func cells(_ r: Row) -> [String] {
      let x = r.indicator
      return [
        x.id, x.ownerID, x.name, x.unit, Self.trendLabel(x.trend, l), Self.target(x.baseline), Self.target(x.finalGoal),
        Self.latest(r.status), r.status.expected.map(Format.measure) ?? "–", Format.percent(r.status.deviation),
        r.status.glyph + " " + r.status.label(l, tolerance: tolerance),
      ]
    }
    switch format {
    case .json:
      let items: [JSONValue] = rows.map { r in
        var o = JSONObject()
        o.set("indicator", PortfolioEncoder.encode(r.indicator))
        var s = JSONObject()
        s.set("state", .string(r.status.colorName))
        s.set("label", .string(r.status.label(l, tolerance: tolerance)))
        s.set("latest", r.status.latest.map { PortfolioEncoder.encode($0) } ?? .null)
        s.set("expected", r.status.expected.map(PortfolioEncoder.number) ?? .null)
        s.set("deviation", r.status.deviation.map(PortfolioEncoder.number) ?? .null)
        o.set("status", .object(s))
        return .object(o)
      }
      var root = JSONObject()
      root.set("reportDate", .string(portfolio.reportDate.iso))
      root.set("indicators", .array(items))
      return JSONWriter.write(.object(root)) + "\n"
    case .csv:
      return ([header] + rows.map(cells)).map { $0.map(InitiativeCSV.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    case .markdown:
      var out = ["# " + l.pick("Indicadores", "Indicators") + " — " + portfolio.name, "",
                 l.pick("Fecha del reporte ", "Report date ") + portfolio.reportDate.display, ""]
      out.append("| " + header.joined(separator: " | ") + " |")
      out.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
      for r in rows { out.append("| " + cells(r).map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
      if rows.isEmpty { out.append(l.pick("Sin indicadores.", "No indicators.")) }
      return out.joined(separator: "\n") + "\n"
    case .text, .html:
      var out = [l.pick("INDICADORES", "INDICATORS") + " — " + portfolio.name + " — " + l.pick("fecha del reporte ", "report date ") + portfolio.reportDate.display]
      if rows.isEmpty { out.append(l.pick("Sin indicadores.", "No indicators.")) }
      var lastOwner: String?
      for r in rows {
        if r.indicator.ownerID != lastOwner {
          out.append("")
          out.append("\(r.indicator.ownerID) \(r.ownerName)")
          lastOwner = r.indicator.ownerID
        }
        let x = r.indicator
        out.append("  \(x.id) \(x.name)" + (x.unit.isEmpty ? "" : " [\(x.unit)]"))
        out.append(
          "    " + l.pick("base ", "baseline ") + Self.target(x.baseline) + " · " + l.pick("meta ", "goal ") + Self.target(x.finalGoal)
            + " · " + l.pick("último ", "latest ") + Self.latest(r.status) + " · " + r.status.glyph + " "
            + r.status.label(l, tolerance: tolerance)
            + (r.status.deviation.map { " (" + Format.percent($0) + ")" } ?? ""))
      }
      return out.joined(separator: "\n") + "\n"
    }
  }
}
