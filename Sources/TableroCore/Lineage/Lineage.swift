import TableroJSON

/// One saved version of a portfolio file: written in the file as `revision` (docs/FORMAT.md).
public struct Revision: Equatable, Sendable {
  public var id: String
  /// The version this one was saved over (nil for the first save that stamped a revision).
  public var parent: String?
  /// The other copy's revision this one merged in (`tablero merge`, `campo integrar`).
  public var merged: String?
  /// ISO-8601 UTC.
  public var savedAt: String
  /// `user@host`.
  public var user: String

  public init(id: String, parent: String?, merged: String? = nil, savedAt: String, user: String) {
    self.id = id
    self.parent = parent
    self.merged = merged
    self.savedAt = savedAt
    self.user = user
  }
}

/// Where a portfolio comes from: its revision and the ids of the revisions before it, newest
/// first (at most `Lineage.ancestorLimit`). Two copies that share a revision can be merged with
/// that revision as the base (`MergeBase`).
///
/// Lineage is not content: two portfolios with the same data are equal (`==`) whatever their
/// revisions, so "nothing changed" checks (unsaved edits, a merge that adds nothing) keep
/// meaning what they say.
public struct Lineage: Sendable, Equatable {
  /// How many ancestor ids a file keeps (≈ 20 bytes each).
  public static let ancestorLimit = 200

  public var revision: Revision?
  /// Newest first; the revision's own id is not repeated here.
  public var ancestors: [String]
  /// Set by a merge before saving: the other copy's revision id followed by its ancestors, so
  /// the saved revision descends from both. Never written as such.
  public var mergedFrom: [String] = []

  public init(revision: Revision? = nil, ancestors: [String] = [], mergedFrom: [String] = []) {
    self.revision = revision
    self.ancestors = ancestors
    self.mergedFrom = mergedFrom
  }

  public static func == (_: Lineage, _: Lineage) -> Bool { true }

  /// This revision and its ancestors, newest first.
  public var chain: [String] { (revision.map { [$0.id] } ?? []) + ancestors }

  /// The id of the newest revision of this lineage that `other` also descends from.
  public func newestShared(with other: Lineage) -> String? {
    let theirs = Set(other.chain)
    return chain.first { theirs.contains($0) }
  }

  // MARK: - JSON (`revision` at the top level of the file)

  public var json: JSONValue? {
    guard let r = revision else { return nil }
    var o = JSONObject()
    o.set("id", .string(r.id))
    o.set("parent", r.parent.map(JSONValue.string) ?? .null)
    if let merged = r.merged { o.set("merged", .string(merged)) }
    o.set("savedAt", .string(r.savedAt))
    o.set("user", .string(r.user))
    o.set("ancestors", .array(ancestors.map(JSONValue.string)))
    return .object(o)
  }

  /// Reads `revision`; nil when it is not an object with a text `id` (the caller warns).
  /// Text from the file is shown in messages: control characters (escape sequences) are
  /// dropped.
  public init?(json: JSONValue) {
    func text(_ v: JSONValue?) -> String? {
      v?.stringValue.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { !$0.properties.generalCategory.isControlLike })) }
    }
    guard let id = text(json["id"]), !id.isEmpty else { return nil }
    let revision = Revision(
      id: id, parent: text(json["parent"]), merged: text(json["merged"]),
      savedAt: text(json["savedAt"]) ?? "", user: text(json["user"]) ?? "")
    let ids = json["ancestors"]?.arrayValue?.prefix(Self.ancestorLimit).compactMap { text($0) } ?? []
    self.init(revision: revision, ancestors: ids)
  }
}
