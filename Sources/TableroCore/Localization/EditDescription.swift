/// One edit told in the user's language, naming items by id and name: the TUI's message after
/// an edit, the undo label and the recovery preview. Never a field name or JSON path
/// ("agreementNote actualizado", "milestones[0].done", "rename (+2)" were issue 9, defect 8).
///
/// Reads the portfolio as it is *before* the edit, so a removed item still has its name and a
/// rename says what it was. Lookups go through `name(of:)`, which a caller with indexes (the
/// TUI at 100k initiatives) can make constant-time.
public struct EditDescription {
  public let language: Language
  private let portfolio: Portfolio
  private let index: (String) -> Portfolio.ItemRef?

  public init(_ language: Language, before portfolio: Portfolio, index: ((String) -> Portfolio.ItemRef?)? = nil) {
    self.language = language
    self.portfolio = portfolio
    self.index = index ?? { portfolio.find($0) }
  }

  /// "ACMI-04 «Licitación del hospital»", or the id alone when the item is unknown.
  public func item(_ id: String) -> String {
    guard let name = name(of: id), !name.isEmpty else { return id }
    return "\(id) «\(Self.short(name))»"
  }

  /// A name cut at a word to about 32 characters ("Definir lineamientos y…"): the message
  /// line must still show what happened after it.
  public static func short(_ name: String, limit: Int = 32) -> String {
    guard name.count > limit else { return name }
    let head = name.prefix(limit)
    let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
    return String(cut).trimmingSpaces() + "…"
  }

  public func name(of id: String) -> String? {
    switch index(id) {
    case .initiative(let i): portfolio.initiatives.indices.contains(i) ? portfolio.initiatives[i].name : nil
    case .component(let c): portfolio.components.indices.contains(c) ? portfolio.components[c].name : nil
    case .imperative(let m): portfolio.imperatives.indices.contains(m) ? portfolio.imperatives[m].name : nil
    case nil: nil
    }
  }

  private func milestoneName(_ id: String, _ index: Int) -> String {
    guard case .initiative(let i) = self.index(id), portfolio.initiatives.indices.contains(i),
      portfolio.initiatives[i].milestones.indices.contains(index)
    else { return language.pick("hito \(index + 1)", "milestone \(index + 1)") }
    return language.pick("hito «", "milestone «") + portfolio.initiatives[i].milestones[index].name + "»"
  }

  private func oldProgress(_ id: String) -> Double? {
    switch index(id) {
    case .initiative(let i): portfolio.initiatives.indices.contains(i) ? portfolio.initiatives[i].actualProgress : nil
    case .component(let c): portfolio.components.indices.contains(c) ? portfolio.components[c].actualProgress : nil
    default: nil
    }
  }

  public func describe(_ edit: Edit) -> String {
    let l = language
    switch edit {
    case .setProgress(let id, let value, _, _):
      let old = oldProgress(id).map { Format.number($0) + "% → " } ?? ""
      return "\(id): " + l.pick("avance ", "progress ") + old + Format.number(value) + "%"
    case .setReportDate(let day):
      return l.pick("Fecha del reporte: ", "Report date: ") + portfolio.reportDate.display + " → " + day.display
    case .setTolerance(let value):
      return l.pick("Desviación aceptable: ", "Acceptable deviation: ") + Format.number(portfolio.tolerance) + "% → "
        + Format.number(value) + "%"
    case .rename(let id, let name):
      return item(id) + l.pick(" ahora se llama «", " is now called «") + name + "»"
    case .setResponsible(let id, let name):
      return item(id) + l.pick(": responsable ", ": owner ") + name
    case .setNotes(let id, _):
      return item(id) + l.pick(": notas actualizadas", ": notes updated")
    case .setDates(let id, let start, let end):
      return item(id) + l.pick(": fechas ", ": dates ") + start.display + "–" + end.display
    case .setPlannedDates(let id, let start, let end):
      guard let start, let end else { return item(id) + l.pick(": fechas tomadas de sus componentes", ": dates taken from its components") }
      return item(id) + l.pick(": fechas ", ": dates ") + start.display + "–" + end.display
    case .setWeight(let id, let value):
      return item(id) + l.pick(": peso ", ": weight ") + Format.number(value)
    case .setMemberWeight(let imperative, let component, let value):
      return l.pick("Ponderación de ", "Weight of ") + item(component) + l.pick(" en ", " in ") + imperative + ": "
        + Format.number(value)
    case .setHorizon(let id, let horizon):
      return item(id) + l.pick(": plazo ", ": horizon ") + horizon.label(l).lowercased()
    case .setQuickWin(let id, let isQuickWin):
      return item(id) + (isQuickWin ? l.pick(": impacto rápido", ": quick win") : l.pick(": sin impacto rápido", ": not a quick win"))
    case .moveInitiative(let id, let component):
      return item(id) + l.pick(" pasa a ", " moves to ") + item(component)
    case .addInitiative(let x):
      return l.pick("Iniciativa agregada: ", "Initiative added: ") + "\(x.id) «\(Self.short(x.name))»"
    case .addComponent(let c, _, _):
      return l.pick("Componente agregado: ", "Component added: ") + "\(c.id) «\(Self.short(c.name))»"
    case .addImperative(let m):
      return l.pick("Imperativo agregado: ", "Imperative added: ") + "\(m.id) «\(Self.short(m.name))»"
    case .addMember(let component, let imperative, _):
      return item(component) + l.pick(" agregado a ", " added to ") + item(imperative)
    case .remove(let id):
      return l.pick("Eliminado: ", "Removed: ") + item(id)
    case .addMilestone(let id, let milestone):
      return item(id) + l.pick(": hito «", ": milestone «") + milestone.name + l.pick("» agregado", "» added")
    case .setMilestoneDone(let id, let index, let day):
      let what = milestoneName(id, index)
      guard let day else { return item(id) + ": " + what + l.pick(" pendiente otra vez", " not done again") }
      return item(id) + ": " + what + l.pick(" cumplido el ", " done on ") + day.display
    case .removeMilestone(let id, let index):
      return item(id) + ": " + milestoneName(id, index) + l.pick(" eliminado", " removed")
    case .addAgreement(let agreement):
      return l.pick("Acuerdo ", "Agreement ") + agreement.folio + l.pick(" registrado", " recorded")
        + (agreement.itemID.map { l.pick(" sobre ", " on ") + item($0) } ?? "")
    case .addAgreementNote(let folio, _):
      return l.pick("Acuerdo ", "Agreement ") + folio + l.pick(": avance anotado", ": progress noted")
    case .concludeAgreement(let folio, let day):
      guard let day else { return l.pick("Acuerdo ", "Agreement ") + folio + l.pick(" reabierto", " reopened") }
      return l.pick("Acuerdo ", "Agreement ") + folio + l.pick(" concluido el ", " concluded on ") + day.display
    case .startMeeting:
      return l.pick("Reunión iniciada", "Meeting started")
    case .endMeeting:
      return l.pick("Reunión terminada", "Meeting ended")
    case .recordMeasurement(let id, let m):
      let name = portfolio.indicators.first { $0.id == id }.map { " «\(Self.short($0.name))»" } ?? ""
      return l.pick("Indicador ", "Indicator ") + id + name + l.pick(": medición del ", ": measurement of ") + m.day.display
        + " = " + (m.value.map(Format.measure) ?? m.reason)
    case .batch(let edits):
      return describe(batch: edits)
    }
  }

  /// A form's edits: one sentence about the item, or each edit in turn.
  private func describe(batch edits: [Edit]) -> String {
    guard let first = edits.first else { return language.pick("Sin cambios", "No changes") }
    if edits.count == 1 { return describe(first) }
    let ids = Set(edits.compactMap(\.itemID))
    if ids.count == 1, let id = ids.first, edits.allSatisfy({ $0.itemID != nil }) {
      let l = language
      // A form sends every field; name only those that change.
      let changing = edits.filter { changes($0) }
      guard !changing.isEmpty else { return item(id) + language.pick(": sin cambios", ": no changes") }
      let fields = changing.map { fieldName($0) }
      let unique = fields.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      return item(id) + ": " + Self.list(unique, l) + l.pick(" actualizados", " updated")
    }
    return edits.map { describe($0) }.joined(separator: "; ")
  }

  /// False when the edit sets a value the item already has.
  private func changes(_ edit: Edit) -> Bool {
    switch (edit, index(edit.itemID ?? "")) {
    case (.rename(_, let name), _): return name != self.name(of: edit.itemID ?? "")
    case (.setResponsible(_, let name), .initiative(let i)): return portfolio.initiatives[i].responsible != name
    case (.setResponsible(_, let name), .component(let c)): return portfolio.components[c].responsible != name
    case (.setNotes(_, let text), .initiative(let i)): return portfolio.initiatives[i].notes != text
    case (.setDates(_, let start, let end), .initiative(let i)):
      return portfolio.initiatives[i].start != start || portfolio.initiatives[i].end != end
    case (.setDates(_, let start, let end), .component(let c)):
      return portfolio.components[c].start != start || portfolio.components[c].end != end
    case (.setPlannedDates(_, let start, let end), .imperative(let m)):
      return portfolio.imperatives[m].plannedStart != start || portfolio.imperatives[m].plannedEnd != end
    case (.setWeight(_, let value), .initiative(let i)): return portfolio.initiatives[i].weight != value
    case (.setWeight(_, let value), .imperative(let m)): return portfolio.imperatives[m].weight != value
    case (.setHorizon(_, let horizon), .initiative(let i)): return portfolio.initiatives[i].horizon != horizon
    case (.setQuickWin(_, let flag), .initiative(let i)): return portfolio.initiatives[i].isQuickWin != flag
    default: return true
    }
  }

  private func fieldName(_ edit: Edit) -> String {
    let l = language
    switch edit {
    case .setProgress: return l.pick("avance", "progress")
    case .rename: return l.pick("nombre", "name")
    case .setResponsible: return l.pick("responsable", "owner")
    case .setNotes: return l.pick("notas", "notes")
    case .setDates, .setPlannedDates: return l.pick("fechas", "dates")
    case .setWeight, .setMemberWeight: return l.pick("peso", "weight")
    case .setHorizon: return l.pick("plazo", "horizon")
    case .setQuickWin: return l.pick("impacto rápido", "quick win")
    case .moveInitiative: return l.pick("componente", "component")
    case .addMilestone, .setMilestoneDone, .removeMilestone: return l.pick("hitos", "milestones")
    default: return l.pick("datos", "data")
    }
  }

  /// "nombre, responsable y fechas".
  static func list(_ words: [String], _ l: Language) -> String {
    guard words.count > 1, let last = words.last else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + l.pick(" y ", " and ") + last
  }
}

extension Edit {
  /// The one item an edit is about (nil for portfolio-wide edits, agreements and batches).
  public var itemID: String? {
    switch self {
    case .setProgress(let id, _, _, _), .rename(let id, _), .setResponsible(let id, _), .setNotes(let id, _),
      .setDates(let id, _, _), .setPlannedDates(let id, _, _), .setWeight(let id, _), .setHorizon(let id, _),
      .setQuickWin(let id, _), .moveInitiative(let id, _), .remove(let id), .addMilestone(let id, _),
      .setMilestoneDone(let id, _, _), .removeMilestone(let id, _):
      return id
    case .setMemberWeight(_, let component, _): return component
    default: return nil
    }
  }
}
