/// Finds the base of a merge of two copies of a portfolio without being told: the newest
/// revision both descend from, taken from one of the files when it is still that revision, or
/// rebuilt from a revision log (this file's, else the other's when it lies beside it).
public enum MergeBase {
  /// One copy: what was loaded, its bytes (to check it is the revision it names) and its log.
  public struct Copy {
    public var portfolio: Portfolio
    public var bytes: [UInt8]
    public var log: [RevisionLog.Entry]

    public init(portfolio: Portfolio, bytes: [UInt8], log: [RevisionLog.Entry]) {
      self.portfolio = portfolio
      self.bytes = bytes
      self.log = log
    }

    /// The file is its revision unless its own log says the bytes changed since.
    var isItsRevision: Bool {
      guard let id = portfolio.lineage.revision?.id, let own = log.last(where: { $0.revision == id }) else {
        return portfolio.lineage.revision != nil
      }
      return own.hash == FileFingerprint.fnv1a(bytes)
    }
  }

  public enum Source: Equatable, Sendable {
    /// This file is the shared revision (only the other copy changed since).
    case mine
    /// The other file is the shared revision (only this copy changed since).
    case theirs
    /// Rebuilt by undoing `steps` saves with this file's log, or the other file's.
    case rebuiltFromMine(steps: Int)
    case rebuiltFromTheirs(steps: Int)
  }

  public struct Found: Sendable {
    public var base: Portfolio
    public var revision: Revision
    public var source: Source
  }

  public enum Missing: Error, Equatable, Sendable {
    /// One of the copies has never been saved with revisions (an older file, or a copy made
    /// before this version).
    case noRevision(mine: Bool, theirs: Bool)
    /// Both have revisions, none in common: copies of different origin, or the shared one is
    /// older than the `Lineage.ancestorLimit` ids each file keeps.
    case noSharedRevision
    /// The shared revision is known but could not be rebuilt.
    case cannotRebuild(revision: String, why: [RevisionRebuild.Failure])
  }

  public static func find(mine: Copy, theirs: Copy) -> Result<Found, Missing> {
    let a = mine.portfolio.lineage
    let b = theirs.portfolio.lineage
    guard a.revision != nil, b.revision != nil else {
      return .failure(.noRevision(mine: a.revision == nil, theirs: b.revision == nil))
    }
    guard let shared = a.newestShared(with: b) else { return .failure(.noSharedRevision) }
    func found(_ p: Portfolio, _ source: Source) -> Result<Found, Missing> {
      let revision = p.lineage.revision ?? Revision(id: shared, parent: nil, savedAt: "", user: "")
      return .success(Found(base: p, revision: revision, source: source))
    }
    if shared == b.revision?.id, theirs.isItsRevision { return found(theirs.portfolio, .theirs) }
    if shared == a.revision?.id, mine.isItsRevision { return found(mine.portfolio, .mine) }
    var failures: [RevisionRebuild.Failure] = []
    switch RevisionRebuild.rebuild(shared, current: mine.portfolio, bytes: mine.bytes, log: mine.log) {
    case .success(let r): return found(r.portfolio, .rebuiltFromMine(steps: r.steps))
    case .failure(let f): failures.append(f)
    }
    if !theirs.log.isEmpty {
      switch RevisionRebuild.rebuild(shared, current: theirs.portfolio, bytes: theirs.bytes, log: theirs.log) {
      case .success(let r): return found(r.portfolio, .rebuiltFromTheirs(steps: r.steps))
      case .failure(let f): failures.append(f)
      }
    }
    return .failure(.cannotRebuild(revision: shared, why: failures))
  }
}

extension MergeBase.Found {
  /// "Versión común: revisión 3fa1… (guardada el 02/12/2026 09:41 por mlopez), reconstruida desde el registro de revisiones de portafolio.json (2 guardados atrás)."
  public func describe(_ l: Language, mineName: String, theirsName: String) -> String {
    let when = Timestamp(iso: revision.savedAt)?.localDisplay ?? revision.savedAt
    let who = SessionIdentity.person(fromUserAtHost: revision.user)
    var text = l.pick("Versión común: revisión \(revision.id)", "Common version: revision \(revision.id)")
    if !when.isEmpty { text += l.pick(" (guardada el \(when) por \(who))", " (saved \(when) by \(who))") }
    switch source {
    case .mine:
      text += l.pick(", que es \(mineName) tal como está: solo cambió \(theirsName).", ", which is \(mineName) as it is: only \(theirsName) changed.")
    case .theirs:
      text += l.pick(", que es \(theirsName) tal como está: solo cambió \(mineName).", ", which is \(theirsName) as it is: only \(mineName) changed.")
    case .rebuiltFromMine(let steps), .rebuiltFromTheirs(let steps):
      let name: String
      if case .rebuiltFromMine = source { name = mineName } else { name = theirsName }
      text += l.pick(
        ", reconstruida desde el registro de revisiones de \(name) (\(steps) guardado\(steps == 1 ? "" : "s") atrás).",
        ", rebuilt from the revision log of \(name) (\(steps) save\(steps == 1 ? "" : "s") back).")
    }
    return text
  }
}

extension MergeBase.Missing {
  /// Why the merge goes two ways, and what that means for the person.
  public func describe(_ l: Language, mineName: String, theirsName: String) -> [String] {
    var lines: [String]
    switch self {
    case .noRevision(let mine, let theirs):
      let names = [mine ? mineName : nil, theirs ? theirsName : nil].compactMap { $0 }.joined(separator: l.pick(" ni ", " nor "))
      lines = [l.pick(
        "Sin versión común: \(names) no tiene revisiones (se guardó con una versión anterior de tablero o nunca se editó con esta).",
        "No common version: \(names) has no revisions (saved by an older tablero, or never edited with this one).")]
    case .noSharedRevision:
      lines = [l.pick(
        "Sin versión común: las dos copias no comparten ninguna revisión (otro origen, o se separaron hace más de \(Lineage.ancestorLimit) guardados).",
        "No common version: the two copies share no revision (different origin, or they parted more than \(Lineage.ancestorLimit) saves ago).")]
    case .cannotRebuild(let revision, let why):
      lines = [l.pick(
        "Las copias parten de la revisión \(revision), pero no se pudo reconstruir: " + why.map { $0.describe(l) }.joined(separator: "; ") + ".",
        "The copies come from revision \(revision), but it could not be rebuilt: " + why.map { $0.describe(l) }.joined(separator: "; ") + ".")]
    }
    lines.append(l.pick(
      "Se fusiona a dos vías: lo que difiere en ambos lados es conflicto, y no se detectan eliminaciones. Si conserva la copia enviada, úsela con --base.",
      "Merging two ways: whatever differs is a conflict, and removals are not detected. If you kept the copy that was sent, pass it with --base."))
    return lines
  }
}
