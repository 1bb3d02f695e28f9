/// Acuerdos and meetings travel in the file too: merged by folio / id, field by field. An
/// agreement's dated notes are a list matched by date and text, so notes added on both sides
/// are all kept. Two copies that each created a new agreement get the same automatic folio:
/// that is reported as "added on both sides" (conflict), not renumbered silently.
extension PortfolioMerger {
  static var agreementSpec: ListSpec<Agreement> {
    ListSpec<Agreement>(
      key: \.folio, path: { MergePath(.agreement($0.folio)) }, wrap: MergeValue.agreement, unwrap: \.agreement,
      mergeItem: { merger, b, m, t in merger.agreement(b, m, t) })
  }

  static var meetingSpec: ListSpec<Meeting> {
    ListSpec<Meeting>(
      key: \.id, path: { MergePath(.meeting($0.id)) }, wrap: MergeValue.meeting, unwrap: \.meeting,
      mergeItem: { merger, b, m, t in merger.meeting(b, m, t) })
  }

  mutating func agreement(_ b: Agreement?, _ m: Agreement, _ t: Agreement) -> Agreement {
    if m == t, b == nil || b == m { return m }
    let p = MergePath(.agreement(m.folio))
    var r = m
    r.text = field(p.appending("text"), b?.text, m.text, t.text, MergeValue.text, \.text)
    r.itemID = optionalField(p.appending("item"), b.map { $0.itemID }, m.itemID, t.itemID, MergeValue.text, \.text)
    r.responsible = field(p.appending("responsible"), b?.responsible, m.responsible, t.responsible, MergeValue.text, \.text)
    r.coResponsibles = field(
      p.appending("coResponsibles"), b?.coResponsibles, m.coResponsibles, t.coResponsibles, MergeValue.texts, \.texts)
    r.created = field(p.appending("created"), b?.created, m.created, t.created, MergeValue.day, \.day)
    r.due = field(p.appending("due"), b?.due, m.due, t.due, MergeValue.day, \.day)
    r.meetingID = optionalField(p.appending("meeting"), b.map { $0.meetingID }, m.meetingID, t.meetingID, MergeValue.text, \.text)
    r.concluded = optionalField(p.appending("concluded"), b.map { $0.concluded }, m.concluded, t.concluded, MergeValue.day, \.day)
    let folio = m.folio
    let noteSpec = ListSpec<AgreementNote>(
      key: { "\($0.day.ordinal)\u{1F}\($0.text)" },
      path: { MergePath(.agreement(folio), "notes[\($0.day.iso) \"\($0.text)\"]") },
      wrap: MergeValue.agreementNote, unwrap: \.agreementNote,
      mergeItem: { _, _, m, _ in m })
    r.notes = list(b?.notes, m.notes, t.notes, noteSpec)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }

  mutating func meeting(_ b: Meeting?, _ m: Meeting, _ t: Meeting) -> Meeting {
    if m == t, b == nil || b == m { return m }
    let p = MergePath(.meeting(m.id))
    var r = m
    r.title = field(p.appending("title"), b?.title, m.title, t.title, MergeValue.text, \.text)
    r.started = field(p.appending("started"), b?.started, m.started, t.started, MergeValue.text, \.text)
    r.ended = optionalField(p.appending("ended"), b.map { $0.ended }, m.ended, t.ended, MergeValue.text, \.text)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }
}
