import TableroJSON

/// What turns a saved version of the file back into the version before it, as JSON: every
/// top-level value that changed (the portfolio's fields, `revision`, unknown keys) with its old
/// value, and for each list of items (imperatives, components, initiatives, agreements,
/// meetings, indicators) the old object of every item that changed, was added (null) or was
/// removed, plus the old order of ids when it changed. Whole items are kept, so every kind of
/// edit (milestones, notes, measurements, moves, unknown keys) is undone exactly, which the
/// field-by-field history lines cannot promise.
///
///     {"set":{"reportDate":"2013-06-30","revision":{…}},"unset":[],
///      "items":{"initiatives":{"changed":{"ECE-01":{…},"NEW-1":null},"order":["ECE-01",…]}}}
public enum RevisionPatch {
  struct Failure: Error { var reason: String }

  /// The item lists and the key that identifies their objects.
  static let itemLists: [(key: String, idKey: String)] = [
    ("imperatives", "id"), ("components", "id"), ("initiatives", "id"),
    ("agreements", "folio"), ("meetings", "id"), ("indicators", "id"),
  ]
  /// Lists the file leaves out when empty.
  static let optionalLists: Set<String> = ["agreements", "meetings", "indicators"]

  /// The patch from `new` back to `old`.
  public static func undo(from new: Portfolio, to old: Portfolio) -> JSONValue {
    let oldTop = PortfolioEncoder.topLevel(old, initiatives: .array([]))
    let newTop = PortfolioEncoder.topLevel(new, initiatives: .array([]))
    let listKeys = Set(itemLists.map(\.key))
    var set = JSONObject()
    var unset: [JSONValue] = []
    for (key, value) in oldTop.pairs where !listKeys.contains(key) && newTop[key] != value { set.set(key, value) }
    for key in newTop.keys where !listKeys.contains(key) && oldTop[key] == nil { unset.append(.string(key)) }

    var items = JSONObject()
    func add(_ key: String, _ patch: JSONValue?) { if let patch { items.set(key, patch) } }
    add("imperatives", list(old.imperatives, new.imperatives, PortfolioEncoder.encode))
    add("components", list(old.components, new.components, PortfolioEncoder.encode))
    add("initiatives", list(old.initiatives, new.initiatives, PortfolioEncoder.encode))
    add("agreements", list(old.agreements, new.agreements, PortfolioEncoder.encode))
    add("meetings", list(old.meetings, new.meetings, PortfolioEncoder.encode))
    add("indicators", list(old.indicators, new.indicators, PortfolioEncoder.encode))
    return .object(["set": .object(set), "unset": .array(unset), "items": .object(items)])
  }

  /// One list's part of the patch, nil when the list did not change. Items are compared in the
  /// model (cheap when an edit left most of them alone) and only changed ones are encoded.
  static func list<T: Identifiable & Equatable>(_ old: [T], _ new: [T], _ encode: (T) -> JSONValue) -> JSONValue?
  where T.ID == String {
    var changed = JSONObject()
    if old.count == new.count, zip(old, new).allSatisfy({ $0.id == $1.id }) {
      for (a, b) in zip(old, new) where a != b { changed.set(a.id, encode(a)) }
      return changed.isEmpty ? nil : .object(["changed": .object(changed)])
    }
    let oldIDs = old.map(\.id)
    let newIDs = new.map(\.id)
    // Repeated ids (a file that did not validate cleanly): keep the whole old list.
    guard Set(oldIDs).count == oldIDs.count, Set(newIDs).count == newIDs.count else {
      return .object(["all": .array(old.map(encode))])
    }
    let newByID = Dictionary(uniqueKeysWithValues: new.map { ($0.id, $0) })
    let oldSet = Set(oldIDs)
    for a in old where newByID[a.id] != a { changed.set(a.id, encode(a)) }
    for b in new where !oldSet.contains(b.id) { changed.set(b.id, .null) }
    return .object(["changed": .object(changed), "order": .array(oldIDs.map(JSONValue.string))])
  }

  /// Applies `patch` to the file's JSON (`top`, the whole top-level object).
  static func apply(_ patch: JSONValue, to top: inout JSONObject) throws(Failure) {
    guard case .object(let p) = patch else { throw Failure(reason: "patch is not an object") }
    if case .object(let set)? = p["set"] { for (key, value) in set.pairs { top.set(key, value) } }
    if case .array(let unset)? = p["unset"] { for key in unset.compactMap(\.stringValue) { _ = top.removeValue(forKey: key) } }
    guard case .object(let items)? = p["items"] else { return }
    for (key, idKey) in itemLists {
      guard let listPatch = items[key] else { continue }
      let current = top[key]?.arrayValue ?? []
      let rebuilt = try applyList(listPatch, to: current, idKey: idKey, name: key)
      if rebuilt.isEmpty, optionalLists.contains(key) { _ = top.removeValue(forKey: key) } else { top.set(key, .array(rebuilt)) }
    }
  }

  static func applyList(_ patch: JSONValue, to current: [JSONValue], idKey: String, name: String) throws(Failure)
    -> [JSONValue]
  {
    if let all = patch["all"]?.arrayValue { return all }
    var byID: [String: JSONValue] = [:]
    var order: [String] = []
    for item in current {
      guard let id = item[idKey]?.stringValue else { throw Failure(reason: "\(name): an item without \(idKey)") }
      if byID.updateValue(item, forKey: id) == nil { order.append(id) }
    }
    if case .object(let changed)? = patch["changed"] {
      for (id, value) in changed.pairs {
        if value == .null { byID[id] = nil } else { byID[id] = value }
      }
    }
    if let oldOrder = patch["order"]?.arrayValue {
      var out: [JSONValue] = []
      for id in oldOrder.compactMap(\.stringValue) {
        guard let item = byID[id] else { throw Failure(reason: "\(name): \(id) is missing") }
        out.append(item)
      }
      return out
    }
    return order.compactMap { byID[$0] }
  }
}
