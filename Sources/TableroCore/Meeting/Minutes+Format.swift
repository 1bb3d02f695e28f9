/// The minutes as Markdown, text or self-contained HTML.
extension Minutes {
  public enum Format: String, CaseIterable, Sendable { case markdown, text, html }

  func when(_ iso: String) -> String { Timestamp(iso: iso)?.localDisplay ?? iso }

  func change(_ e: Entry, _ l: Language) -> String {
    let r = e.record
    var text = "\(r.id) · \(r.fieldLabel(l)): \(r.old.isEmpty ? "—" : r.old) → \(r.new.isEmpty ? "—" : r.new)"
    if e.deviationBefore != nil || e.deviationAfter != nil {
      text += l.pick(" · desviación ", " · deviation ") + TableroCore.Format.percent(e.deviationBefore) + " → " + TableroCore.Format.percent(e.deviationAfter)
      if let a = e.levelAfter { text += " (\(a.glyph) \(a.label(l)))" }
    }
    if let note = r.note, !note.isEmpty { text += " — «\(note)»" }
    text += " — \(r.user), \(when(r.at))"
    return text
  }

  func agreementLine(_ a: Agreement, _ l: Language, today: Day) -> String {
    var text = "\(a.folio) · \(a.text) · " + l.pick("responsable: ", "owner: ") + (a.responsible.isEmpty ? "—" : a.responsible)
    if !a.coResponsibles.isEmpty { text += l.pick(" (corresponsables: ", " (co-owners: ") + a.coResponsibles.joined(separator: ", ") + ")" }
    text += l.pick(" · vence ", " · due ") + a.due.display + " · " + a.status(on: today).label(l)
    if let item = a.itemID { text += " · \(item)" }
    return text
  }

  public func render(_ format: Format, language l: Language, today: Day) -> String {
    let period = when(from) + " – " + (to.map(when) ?? l.pick("en curso", "ongoing"))
    switch format {
    case .markdown, .text:
      let md = format == .markdown
      var out: [String] = []
      out.append(md ? "# " + l.pick("Acta: ", "Minutes: ") + title : l.pick("ACTA: ", "MINUTES: ") + title.uppercased())
      out.append("")
      out.append(l.pick("Periodo: ", "Period: ") + period + " · " + l.pick("Fecha del reporte ", "Report date ") + reportDate.display)
      out.append("")
      out.append(md ? "## " + l.pick("Cambios", "Changes") : l.pick("CAMBIOS", "CHANGES"))
      if groups.isEmpty { out.append(l.pick("Sin cambios registrados.", "No changes recorded.")) }
      for g in groups {
        out.append("")
        out.append(md ? "### " + g.heading : g.heading)
        for e in g.entries { out.append((md ? "- " : "  • ") + change(e, l)) }
      }
      out.append("")
      out.append(md ? "## " + l.pick("Acuerdos", "Agreements") : l.pick("ACUERDOS", "AGREEMENTS"))
      if agreements.isEmpty { out.append(l.pick("Sin acuerdos.", "No agreements.")) }
      for a in agreements { out.append((md ? "- " : "  • ") + agreementLine(a, l, today: today)) }
      return out.joined(separator: "\n") + "\n"
    case .html:
      func esc(_ s: String) -> String { HTML.escape(s) }
      var out = "<!DOCTYPE html>\n<html lang=\"\(l.rawValue)\"><head><meta charset=\"utf-8\"><title>\(esc(title))</title>"
      out += "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}h3{margin-bottom:.2em}li{margin:.2em 0}</style></head><body>\n"
      out += "<h1>\(esc(l.pick("Acta: ", "Minutes: ") + title))</h1>\n<p>\(esc(l.pick("Periodo: ", "Period: ") + period))</p>\n"
      out += "<h2>\(esc(l.pick("Cambios", "Changes")))</h2>\n"
      if groups.isEmpty { out += "<p>\(esc(l.pick("Sin cambios registrados.", "No changes recorded.")))</p>\n" }
      for g in groups {
        out += "<h3>\(esc(g.heading))</h3>\n<ul>\n"
        for e in g.entries { out += "<li>\(esc(change(e, l)))</li>\n" }
        out += "</ul>\n"
      }
      out += "<h2>\(esc(l.pick("Acuerdos", "Agreements")))</h2>\n<ul>\n"
      for a in agreements { out += "<li>\(esc(agreementLine(a, l, today: today)))</li>\n" }
      out += "</ul>\n</body></html>\n"
      return out
    }
  }
}
