/// Cuadro 8 (Plan Maestro de Ejecución) as inline SVG: one row per component, its three
/// phases as bars that differ in fill *and* pattern (hatched, solid, dotted) and carry their
/// initial (F, I, M), so they read in greyscale; the axis "Oc-Di 2011", then years; a vertical
/// line at the report date.
extension HTMLReport {
  static func phaseStyle(_ phase: Phase) -> (fill: String, stroke: String, text: String, letter: String) {
    switch phase {
    case .formulation: ("url(#tl-formulation)", "#0d47a1", "#0d2a5c", "F")
    case .implementation: ("#1565c0", "#0d47a1", "#ffffff", "I")
    case .monitoring: ("url(#tl-monitoring)", "#1b5e20", "#0f3d12", "M")
    }
  }

  static let timelineDefs = """
    <defs>
    <pattern id="tl-formulation" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" fill="#bbdefb"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0d47a1" stroke-width="2"/></pattern>
    <pattern id="tl-monitoring" width="6" height="6" patternUnits="userSpaceOnUse">
    <rect width="6" height="6" fill="#c8e6c9"/><circle cx="3" cy="3" r="1.3" fill="#1b5e20"/></pattern>
    </defs>

    """

  func timeline(_ portfolio: Portfolio) -> String {
    let components = portfolio.components
    guard !components.isEmpty else {
      return "<p class=\"note\">\(l.pick("El portafolio no tiene componentes.", "The portfolio has no components."))</p>\n"
    }
    let starts = components.map(\.start) + components.flatMap { $0.phases.ranges.values.map(\.start) }
    let ends = components.map(\.end) + components.flatMap { $0.phases.ranges.values.map(\.end) }
    let from = min(starts.min() ?? portfolio.reportDate, portfolio.reportDate)
    let to = max(ends.max() ?? portfolio.reportDate, portfolio.reportDate)
    let width = 1200.0
    let labelWidth = 300.0
    let rowHeight = 26.0
    let top = 46.0
    let scale = HTMLTimeScale(from: from, to: to, x0: labelWidth, x1: width - 8, language: l)
    let height = top + rowHeight * Double(components.count) + 8
    let title = l.pick("Cuadro 8. Plan Maestro de Ejecución", "Table 8. Master execution plan")
    var out = "<svg class=\"timeline\" role=\"img\" aria-labelledby=\"tl-title\" xmlns=\"http://www.w3.org/2000/svg\" "
      + "viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" width=\"\(HTML.n(width))\" height=\"\(HTML.n(height))\">\n"
    out += "<title id=\"tl-title\">\(HTML.escape(title))</title>\n" + Self.timelineDefs
    // Axis: alternating bands and labels.
    for (i, block) in scale.blocks.enumerated() {
      out += "<rect x=\"\(HTML.n(block.x))\" y=\"22\" width=\"\(HTML.n(block.width))\" height=\"\(HTML.n(height - 22 - 4))\" "
        + "fill=\"\(i % 2 == 0 ? "#f5f7f8" : "#ffffff")\" stroke=\"#cfd8dc\" stroke-width=\"0.5\"/>\n"
      let size = block.width < 40 ? 9 : 11
      out += "<text x=\"\(HTML.n(block.x + block.width / 2))\" y=\"38\" text-anchor=\"middle\" font-size=\"\(size)\" fill=\"#263238\">"
        + "\(HTML.escape(block.label))</text>\n"
    }
    out += "<text x=\"4\" y=\"38\" font-size=\"12\" font-weight=\"bold\" fill=\"#263238\">\(l.pick("Componente", "Component"))</text>\n"
    for (r, component) in components.enumerated() {
      let y = top + rowHeight * Double(r)
      let label = HTML.clip(component.name, 34)
      out += "<g class=\"tl-row\" data-id=\"\(HTML.escape(component.id))\">"
      out += "<title>\(HTML.escape(component.id + " " + component.name))</title>"
      out += "<text x=\"4\" y=\"\(HTML.n(y + 17))\" font-size=\"12\" fill=\"#1a1a1a\"><tspan font-weight=\"bold\">"
        + "\(HTML.escape(component.id))</tspan> \(HTML.escape(label))</text>\n"
      out += "<line x1=\"0\" y1=\"\(HTML.n(y + rowHeight))\" x2=\"\(HTML.n(width))\" y2=\"\(HTML.n(y + rowHeight))\" stroke=\"#e0e0e0\"/>\n"
      if component.phases.isEmpty {
        let x = scale.x(component.start)
        let w = max(2, scale.xEnd(component.end) - x)
        out += "<rect x=\"\(HTML.n(x))\" y=\"\(HTML.n(y + 6))\" width=\"\(HTML.n(w))\" height=\"14\" fill=\"#ffffff\" "
          + "stroke=\"#546e7a\" stroke-dasharray=\"4 2\"><title>" + HTML.escape(l.pick("Sin fases", "No phases")) + ": "
          + component.start.display + "–" + component.end.display + "</title></rect>\n"
        if w > 70 {
          out += "<text x=\"\(HTML.n(x + 4))\" y=\"\(HTML.n(y + 17))\" font-size=\"10\" fill=\"#546e7a\">"
            + "\(l.pick("sin fases", "no phases"))</text>\n"
        }
      }
      for phase in Phase.allCases {
        guard let range = component.phases[phase] else { continue }
        let style = Self.phaseStyle(phase)
        let x = scale.x(range.start)
        let w = max(2, scale.xEnd(range.end) - x)
        out += "<rect class=\"phase-\(phase.rawValue)\" x=\"\(HTML.n(x))\" y=\"\(HTML.n(y + 4))\" width=\"\(HTML.n(w))\" height=\"18\" "
          + "fill=\"\(style.fill)\" stroke=\"\(style.stroke)\" stroke-width=\"1\"><title>\(HTML.escape(component.id)) · "
          + "\(HTML.escape(phase.label(l))): \(range.start.display)–\(range.end.display)</title></rect>\n"
        if w >= 16 {
          out += "<text x=\"\(HTML.n(x + w / 2))\" y=\"\(HTML.n(y + 17))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" "
            + "fill=\"\(style.text)\" stroke=\"\(phase == .implementation ? "none" : "#ffffff")\" stroke-width=\"3\" paint-order=\"stroke\">\(style.letter)</text>\n"
        }
      }
      out += "</g>\n"
    }
    // Report date marker, drawn last so it is on top.
    let xr = scale.x(portfolio.reportDate)
    out += "<line class=\"report-date\" x1=\"\(HTML.n(xr))\" y1=\"18\" x2=\"\(HTML.n(xr))\" y2=\"\(HTML.n(height - 4))\" "
      + "stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n"
    let anchor = xr > width - 150 ? "end" : "start"
    out += "<text x=\"\(HTML.n(xr + (anchor == "end" ? -4 : 4)))\" y=\"14\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#b71c1c\" font-weight=\"bold\">"
      + "▼ \(HTML.escape(l.pick("Fecha del reporte", "Report date"))) \(portfolio.reportDate.display)</text>\n"
    out += "</svg>\n"
    return out
  }

  /// The phases' key, itself a small SVG so the swatches print exactly like the bars.
  func timelineKey(withUnphased: Bool = false) -> String {
    var out = "<svg class=\"timeline-key\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 24\" width=\"1000\" height=\"24\" "
      + "role=\"img\" aria-label=\"\(HTML.escape(l.pick("Clave de fases", "Phase key")))\" style=\"max-width:1000px\">\n"
    out += Self.timelineDefs.replacingOccurrences(of: "id=\"tl-", with: "id=\"key-")
    var x = 2.0
    for phase in Phase.allCases {
      let style = Self.phaseStyle(phase)
      out += "<rect x=\"\(HTML.n(x))\" y=\"3\" width=\"34\" height=\"18\" fill=\"\(style.fill.replacingOccurrences(of: "#tl-", with: "#key-"))\" stroke=\"\(style.stroke)\"/>"
      out += "<text x=\"\(HTML.n(x + 17))\" y=\"16\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"\(style.text)\" "
        + "stroke=\"\(phase == .implementation ? "none" : "#ffffff")\" stroke-width=\"3\" paint-order=\"stroke\">\(style.letter)</text>"
      let label = phase.label(l)
      out += "<text x=\"\(HTML.n(x + 40))\" y=\"16\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(label))</text>\n"
      x += 40 + Double(label.count) * 7.2 + 24
    }
    if withUnphased {
      let label = l.pick("Sin fases (inicio a fin)", "No phases (start to end)")
      out += "<rect x=\"\(HTML.n(x))\" y=\"6\" width=\"34\" height=\"13\" fill=\"#ffffff\" stroke=\"#546e7a\" stroke-dasharray=\"4 2\"/>"
      out += "<text x=\"\(HTML.n(x + 40))\" y=\"16\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(label))</text>\n"
      x += 40 + Double(label.count) * 7.2 + 24
    }
    out += "<line x1=\"\(HTML.n(x))\" y1=\"2\" x2=\"\(HTML.n(x))\" y2=\"22\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
    out += "<text x=\"\(HTML.n(x + 6))\" y=\"16\" font-size=\"12\" fill=\"#1a1a1a\">\(HTML.escape(l.pick("Fecha del reporte", "Report date")))</text>\n"
    return out + "</svg>\n"
  }
}
