import TableroJSON

/// A dated progress note on an agreement.
public struct AgreementNote: Equatable, Sendable {
  public var day: Day
  public var text: String
  /// Keys this version does not know, kept for the next save.
  public var extra: JSONObject
  public init(day: Day, text: String, extra: JSONObject = JSONObject()) {
    self.day = day
    self.text = text
    self.extra = extra
  }
}

/// Acuerdo taken in a meeting, followed up as the institutions' "Sistema de Seguimiento de
/// Acuerdos" does (seed 001): folio, link, responsible and co-responsibles, due date, dated
/// notes, status.
public struct Agreement: Equatable, Sendable, Identifiable {
  /// Automatic folio, "AC-001", unique in the portfolio.
  public var folio: String
  public var text: String
  /// Imperative, component or initiative it concerns; nil for the portfolio as a whole.
  public var itemID: String?
  public var responsible: String
  public var coResponsibles: [String]
  public var created: Day
  public var due: Day
  /// The meeting it was taken in.
  public var meetingID: String?
  public var concluded: Day?
  public var notes: [AgreementNote]
  public var extra: JSONObject

  public var id: String { folio }

  public init(
    folio: String, text: String, itemID: String? = nil, responsible: String, coResponsibles: [String] = [],
    created: Day, due: Day, meetingID: String? = nil, concluded: Day? = nil, notes: [AgreementNote] = [],
    extra: JSONObject = JSONObject()
  ) {
    self.folio = folio
    self.text = text
    self.itemID = itemID
    self.responsible = responsible
    self.coResponsibles = coResponsibles
    self.created = created
    self.due = due
    self.meetingID = meetingID
    self.concluded = concluded
    self.notes = notes
    self.extra = extra
  }

  /// Pendiente, En proceso, Concluido; Vencido when past due and not concluded.
  public func status(on today: Day) -> AgreementStatus {
    if concluded != nil { return .concluded }
    if due < today { return .overdue }
    return notes.isEmpty ? .pending : .inProgress
  }

  /// Whether `person` is its responsible or a co-responsible: every word of `person` is a word
  /// of the name, ignoring case and accents ("ana" is "Ana Pérez", not "Mariana").
  public func involves(_ person: String) -> Bool {
    let wanted = Agreement.words(person)
    guard !wanted.isEmpty else { return false }
    return ([responsible] + coResponsibles).contains { Set(Agreement.words($0)).isSuperset(of: wanted) }
  }

  static func words(_ text: String) -> [String] {
    fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
  }

  static func fold(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.compactMap { s -> Character? in
      switch s {
      case "á", "à", "ä": return "a"
      case "é", "è", "ë": return "e"
      case "í", "ì", "ï": return "i"
      case "ó", "ò", "ö": return "o"
      case "ú", "ù", "ü": return "u"
      case "ñ": return "n"
      case "\u{0300}"..."\u{036F}": return nil
      default: return Character(s)
      }
    })
  }
}

public enum AgreementStatus: String, CaseIterable, Sendable {
  case pending, inProgress, concluded, overdue

  public func label(_ l: Language) -> String {
    switch self {
    case .pending: l.pick("Pendiente", "Pending")
    case .inProgress: l.pick("En proceso", "In progress")
    case .concluded: l.pick("Concluido", "Concluded")
    case .overdue: l.pick("Vencido", "Overdue")
    }
  }
}

/// A status-review meeting: its changes and agreements make the minutes (acta).
public struct Meeting: Equatable, Sendable, Identifiable {
  public var id: String
  public var title: String
  /// ISO-8601 UTC timestamps: the minutes take the history lines between them.
  public var started: String
  public var ended: String?
  public var extra: JSONObject

  public init(id: String, title: String, started: String, ended: String? = nil, extra: JSONObject = JSONObject()) {
    self.id = id
    self.title = title
    self.started = started
    self.ended = ended
    self.extra = extra
  }
}
