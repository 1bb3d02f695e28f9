/// Editing agreements and meetings; each checks its input and changes nothing when it throws.
extension Portfolio {
  @discardableResult
  public mutating func addAgreement(_ agreement: Agreement) throws(EditError) -> Change {
    guard !agreement.text.trimmingSpaces().isEmpty else { throw .emptyName }
    guard agreementIndex(agreement.folio) == nil else { throw .duplicateID(agreement.folio) }
    if let item = agreement.itemID, !item.isEmpty, !contains(id: item) { throw .notFound(item) }
    // A due date before the day it is recorded is allowed: agreements are often typed in
    // after the meeting, and such an agreement simply shows as overdue.
    agreements.append(agreement)
    return Change(itemID: agreement.folio, field: "agreement", oldValue: "", newValue: agreement.text)
  }

  @discardableResult
  public mutating func addAgreementNote(_ folio: String, note: AgreementNote) throws(EditError) -> Change {
    guard let i = agreementIndex(folio) else { throw .notFound(folio) }
    guard !note.text.trimmingSpaces().isEmpty else { throw .emptyName }
    agreements[i].notes.append(note)
    return Change(itemID: folio, field: "agreementNote", oldValue: "", newValue: note.text, note: note.text)
  }

  /// Concludes an agreement on `day`, or reopens it when `day` is nil.
  @discardableResult
  public mutating func concludeAgreement(_ folio: String, on day: Day?) throws(EditError) -> Change {
    guard let i = agreementIndex(folio) else { throw .notFound(folio) }
    let old = agreements[i].concluded
    agreements[i].concluded = day
    return Change(itemID: folio, field: "concluded", oldValue: old?.iso ?? "", newValue: day?.iso ?? "")
  }

  @discardableResult
  public mutating func startMeeting(_ meeting: Meeting) throws(EditError) -> Change {
    guard !meetings.contains(where: { $0.id == meeting.id }) else { throw .duplicateID(meeting.id) }
    meetings.append(meeting)
    return Change(itemID: meeting.id, field: "meetingStarted", oldValue: "", newValue: meeting.started)
  }

  @discardableResult
  public mutating func endMeeting(_ id: String, at timestamp: String) throws(EditError) -> Change {
    guard let i = meetings.firstIndex(where: { $0.id == id }) else { throw .notFound(id) }
    meetings[i].ended = timestamp
    return Change(itemID: id, field: "meetingEnded", oldValue: "", newValue: timestamp)
  }

  /// The meeting in progress (started, not ended), if any.
  public var openMeeting: Meeting? { meetings.last { $0.ended == nil } }
}
