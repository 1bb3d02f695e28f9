import Foundation
import TableroCore

/// The Acuerdos view: agreements of the meetings, with filters (mine, overdue, open, by item),
/// and the meeting mark (R) that makes the minutes.
public struct AgreementsViewState: Equatable, Sendable {
  public var cursor = ListCursor()
  public var filter = AgreementFilter()
  public init() {}
}

extension AppState {
  /// The agreements shown, filtered and ordered (overdue first).
  public var agreementRows: [Agreement] {
    agreementsView.filter.apply(portfolio.agreements, today: config.today)
  }

  var selectedAgreement: Agreement? {
    let rows = agreementRows
    return rows.indices.contains(agreementsView.cursor.selected) ? rows[agreementsView.cursor.selected] : nil
  }

  /// Keys of the Acuerdos view; nil lets the global table handle the key.
  mutating func handleAgreementKey(_ key: Key) -> [Effect]? {
    let l = language
    let rows = agreementRows.count
    switch key {
    case .up, .character("k"): agreementsView.cursor.move(by: -1, count: rows, visible: agreementsVisible)
    case .down, .character("j"): agreementsView.cursor.move(by: 1, count: rows, visible: agreementsVisible)
    case .character("m"):
      agreementsView.filter.person = agreementsView.filter.person == nil ? config.userName : nil
      agreementsView.cursor = ListCursor()
      message = StatusMessage(agreementsView.filter.person.map { l.pick("Solo los de ", "Only those of ") + $0 } ?? l.pick("Todas las personas", "Everyone"))
    case .character("v"):
      agreementsView.filter.overdueOnly.toggle()
      agreementsView.cursor = ListCursor()
    case .character("o"):
      agreementsView.filter.openOnly.toggle()
      agreementsView.cursor = ListCursor()
    case .character("F"):
      agreementsView.filter = AgreementFilter()
      agreementsView.cursor = ListCursor()
    case .character("i"):
      modal = .form(FormState(
        purpose: .agreementItemFilter, title: l.pick("Acuerdos de un elemento", "Agreements of an item"),
        fields: [FormField(l.pick("Id (vacío: todos)", "Id (empty: all)"), .text, agreementsView.filter.itemID ?? "", picking: .item)]))
    case .character("a"):
      guard !refuseReadOnly() else { return [] }
      openAgreementForm(itemID: nil)
    case .character("e"), .enter:
      guard !refuseReadOnly(), let a = selectedAgreement else { return [] }
      modal = .form(FormState(
        purpose: .agreementNote(folio: a.folio), title: l.pick("Avance de ", "Progress of ") + a.folio,
        fields: [FormField(l.pick("Nota", "Note"), .requiredText, ""), FormField(l.pick("Fecha", "Date"), .date, config.today.display)],
        context: [a.text]))
    case .character("c"):
      guard !refuseReadOnly(), let a = selectedAgreement else { return [] }
      apply(
        a.concluded == nil ? l.pick("concluir ", "conclude ") + a.folio : l.pick("reabrir ", "reopen ") + a.folio,
        .concludeAgreement(folio: a.folio, day: a.concluded == nil ? config.today : nil))
    default:
      return nil
    }
    return []
  }

  func refuseReadOnlyMessage() -> StatusMessage {
    StatusMessage(language.pick("Solo lectura: no se permiten cambios.", "Read-only: changes are not allowed."), .error)
  }

  mutating func refuseReadOnly() -> Bool {
    if config.readOnly { message = refuseReadOnlyMessage() }
    return config.readOnly
  }

  /// A new agreement, linked to `itemID` (the selected item when taken from another view).
  mutating func openAgreementForm(itemID: String?) {
    let l = language
    modal = .form(FormState(
      purpose: .addAgreement, title: l.pick("Nuevo acuerdo ", "New agreement ") + portfolio.nextAgreementFolio,
      fields: [
        FormField(l.pick("Acuerdo", "Agreement"), .requiredText, ""),
        FormField(l.pick("Responsable", "Owner"), .requiredText, "", picking: .responsible),
        FormField(l.pick("Corresponsables (separados por comas)", "Co-owners (comma-separated)"), .text, ""),
        FormField(l.pick("Fecha compromiso", "Due date"), .date, config.today.adding(days: 30).display),
        FormField(l.pick("Elemento (id, opcional)", "Item (id, optional)"), .text, itemID ?? "", picking: .item),
      ],
      context: portfolio.openMeeting.map { [l.pick("Reunión en curso: ", "Meeting in progress: ") + $0.title] } ?? []))
  }

  /// R: starts a meeting, or ends the one in progress. Its changes and agreements make the acta.
  mutating func toggleMeeting() {
    guard !refuseReadOnly() else { return }
    let l = language
    if let open = portfolio.openMeeting {
      if apply(l.pick("terminar reunión", "end meeting"), .endMeeting(id: open.id, at: config.now.iso)) {
        message = StatusMessage(l.pick(
          "Reunión terminada; guarde (s) y vea el acta con: tablero acta --reunion \(open.id)",
          "Meeting ended; save (s) and see the minutes with: tablero minutes --meeting \(open.id)"), .success)
      }
    } else {
      let day = config.today
      var id = "R-" + day.iso
      var n = 2
      while portfolio.meetings.contains(where: { $0.id == id }) {
        id = "R-" + day.iso + "-\(n)"
        n += 1
      }
      let meeting = Meeting(id: id, title: l.pick("Reunión de seguimiento ", "Status review ") + day.display, started: config.now.iso)
      if apply(l.pick("iniciar reunión", "start meeting"), .startMeeting(meeting)) {
        message = StatusMessage(l.pick(
          "Reunión \(id) iniciada: los cambios guardados desde ahora forman su acta. R la termina.",
          "Meeting \(id) started: changes saved from now on make its minutes. R ends it."), .success)
      }
    }
  }

  func submitAgreementForm(_ form: FormState) -> Edit? {
    func t(_ i: Int) -> String { form.text(i).trimmingCharacters(in: .whitespaces) }
    switch form.purpose {
    case .addAgreement:
      let co = t(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      return .addAgreement(Agreement(
        folio: portfolio.nextAgreementFolio, text: t(0), itemID: t(4).isEmpty ? nil : (itemID(matching: t(4)) ?? t(4)), responsible: t(1),
        coResponsibles: co, created: config.today, due: Day(userText: t(3)) ?? config.today,
        meetingID: portfolio.openMeeting?.id))
    case .agreementNote(let folio):
      return .addAgreementNote(folio: folio, note: AgreementNote(day: Day(userText: t(1)) ?? config.today, text: t(0)))
    default:
      return nil
    }
  }
}
