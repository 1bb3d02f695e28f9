/// The summary's "what is red and why": every imperative and component in red with its
/// numbers against the acceptable deviation, and what pulls it down (its components in red,
/// or its initiatives furthest behind, with their notes). Read at a meeting without the detail.
extension HTMLReport {
  /// How many lagging initiatives are named per component; the rest are counted.
  static let laggingShown = 3

  func redItems(_ portfolio: Portfolio, status: PortfolioStatus, board: ForecastBoard) -> String {
    let tolerance = portfolio.tolerance
    var out = "<section class=\"red-items\">\n<div class=\"keep\">\n"
    out += "<h2>\(l.pick("Elementos en rojo y por qué", "Items in red and why"))</h2>\n"
    let meaning = l.pick(
      "En rojo: el avance real queda por debajo del esperado más allá de la desviación aceptable (\(Format.percent(tolerance))).",
      "In red: actual progress is below the expected by more than the acceptable deviation (\(Format.percent(tolerance))).")
    out += "<p class=\"note\">\(HTML.escape(meaning))</p>\n"
    var items: [String] = []
    var componentIndex: [String: Int] = [:]
    for (i, c) in portfolio.components.enumerated() where componentIndex[c.id] == nil { componentIndex[c.id] = i }
    for (m, imperative) in portfolio.imperatives.enumerated() where status.imperatives[m].level == .majorDeviation {
      let redComponents = imperative.members.compactMap { member -> String? in
        guard let c = componentIndex[member.componentID], status.components[c].level == .majorDeviation else { return nil }
        return portfolio.components[c].id
      }
      var why: [String] = []
      if !redComponents.isEmpty {
        why.append(l.pick("Componentes en rojo: ", "Components in red: ") + redComponents.joined(separator: ", "))
      }
      items.append(item(kind: l.pick("Imperativo", "Imperative"), id: imperative.id, name: imperative.name,
        status: status.imperatives[m], tolerance: tolerance, why: why, forecast: board.imperative(m)))
    }
    for (c, component) in portfolio.components.enumerated() where status.components[c].level == .majorDeviation {
      items.append(item(kind: l.pick("Componente", "Component"), id: component.id, name: component.name,
        status: status.components[c], tolerance: tolerance, why: lagging(portfolio, status: status, component: c),
        forecast: board.component(c)))
    }
    if items.isEmpty {
      out += "<p class=\"none\">\(l.pick("Ningún imperativo ni componente está en rojo.", "No imperative or component is in red."))</p>\n"
      return out + "</div>\n</section>\n"
    }
    // The heading stays with the first item; the rest may flow to the next page.
    out += "<ul class=\"red-list\">\n" + items[0] + "</ul>\n</div>\n"
    if items.count > 1 { out += "<ul class=\"red-list\">\n" + items.dropFirst().joined() + "</ul>\n" }
    return out + "</section>\n"
  }

  func item(kind: String, id: String, name: String, status s: ItemStatus, tolerance: Double, why: [String], forecast: Forecast? = nil) -> String {
    var out = "<li class=\"red-item\" data-red=\"\(HTML.escape(id))\">"
    out += "<span class=\"badge st-\(s.level.colorName)\"><span aria-hidden=\"true\">\(s.level.glyph)</span> "
      + "\(HTML.escape(s.level.label(l, tolerance: tolerance)))</span> "
    out += "<strong>\(HTML.escape(kind)) \(HTML.escape(id))</strong> \(HTML.escape(name)): "
    out += HTML.escape(numbers(s, tolerance: tolerance))
    if let forecast {
      out += " <span class=\"forecast\">— \(HTML.escape(l.pick("pronóstico: ", "forecast: ") + forecast.sentence(l)))</span>"
    }
    if !why.isEmpty {
      out += "\n<ul class=\"why\">" + why.map { line in
        // A line ending in ":" introduces the ones below it.
        "<li\(line.hasSuffix(":") ? " class=\"lead\"" : "")>\(HTML.escape(line))</li>"
      }.joined() + "</ul>"
    }
    return out + "</li>\n"
  }

  /// "esperado 60.0%, real 20.0%, desviación -66.7%".
  func numbers(_ s: ItemStatus, tolerance: Double) -> String {
    l.pick("esperado ", "expected ") + Format.percent(s.expected) + l.pick(", real ", ", actual ") + Format.percent(s.actual)
      + l.pick(", desviación ", ", deviation ") + Format.deviation(s.deviation, tolerance: tolerance)
  }

  /// The component's initiatives furthest behind their expected progress, worst first.
  func lagging(_ portfolio: Portfolio, status: PortfolioStatus, component c: Int) -> [String] {
    guard c < status.initiativesByComponent.count else { return [] }
    let behind = status.initiativesByComponent[c]
      .filter { status.initiatives[$0].deviation.map { $0 < 0 } ?? false }
      .sorted { (status.initiatives[$0].deviation ?? 0) < (status.initiatives[$1].deviation ?? 0) }
    guard !behind.isEmpty else { return [] }
    var lines = [l.pick("Iniciativas más atrasadas:", "Initiatives furthest behind:")]
    for i in behind.prefix(Self.laggingShown) {
      let initiative = portfolio.initiatives[i]
      let s = status.initiatives[i]
      var line = "\(s.level.glyph) \(initiative.id) \(HTML.clip(initiative.name, 70)) (\(s.level.label(l, tolerance: portfolio.tolerance))): "
        + numbers(s, tolerance: portfolio.tolerance)
      if !initiative.responsible.isEmpty { line += l.pick("; responsable: ", "; responsible: ") + initiative.responsible }
      let note = initiative.notes.split(whereSeparator: \.isNewline).joined(separator: " ")
      if !note.isEmpty { line += l.pick("; nota: ", "; note: ") + HTML.clip(note, 160) }
      lines.append(line)
    }
    if behind.count > Self.laggingShown {
      let more = behind.count - Self.laggingShown
      lines.append(l.pick("y \(more) más por debajo de lo esperado (véase el detalle)", "and \(more) more below expected (see the detail)"))
    }
    return lines
  }
}
