import TableroJSON

/// The merge engine: walks the three versions level by level, takes what the rules allow and
/// records a conflict (settled by `overrides`, else by `defaultSide`) for everything else.
struct PortfolioMerger {
  let base: Portfolio?
  let overrides: [MergePath: MergeResolution]
  let defaultSide: MergeSide
  var conflicts: [MergeConflict] = []
  var summary = MergeSummary()
  /// Items whose removal was already settled with their component: no summary line of their own.
  var settled: Set<MergePath> = []

  init(base: Portfolio?, overrides: [MergePath: MergeResolution], defaultSide: MergeSide) {
    self.base = base
    self.overrides = overrides
    self.defaultSide = defaultSide
  }

  var hasBase: Bool { base != nil }

  mutating func merge(mine original: Portfolio, theirs originalTheirs: Portfolio) -> Portfolio {
    var mine = original
    var theirs = originalTheirs
    if let base { settleComponentRemovals(base: base, mine: &mine, theirs: &theirs) }
    let b = base
    var result = mine
    let p = MergePath(.portfolio)
    result.name = field(p.appending("name"), b?.name, mine.name, theirs.name, MergeValue.text, \.text)
    result.reportDate = field(p.appending("reportDate"), b?.reportDate, mine.reportDate, theirs.reportDate, MergeValue.day, \.day)
    result.tolerance = field(p.appending("tolerance"), b?.tolerance, mine.tolerance, theirs.tolerance, MergeValue.number, \.number)
    result.expectedProgressRule = field(
      p.appending("expectedProgressRule"), b?.expectedProgressRule, mine.expectedProgressRule,
      theirs.expectedProgressRule, MergeValue.rule, \.rule)
    result.formatVersion = max(mine.formatVersion, theirs.formatVersion)
    result.imperatives = list(b?.imperatives, mine.imperatives, theirs.imperatives, Self.imperativeSpec)
    result.components = list(b?.components, mine.components, theirs.components, Self.componentSpec)
    result.initiatives = list(b?.initiatives, mine.initiatives, theirs.initiatives, Self.initiativeSpec)
    result.agreements = list(b?.agreements, mine.agreements, theirs.agreements, Self.agreementSpec)
    result.meetings = list(b?.meetings, mine.meetings, theirs.meetings, Self.meetingSpec)
    result.indicators = list(b?.indicators, mine.indicators, theirs.indicators, Self.indicatorSpec)
    result.extra = extra(p, b.map { $0.extra }, mine.extra, theirs.extra)
    return result
  }

  // MARK: Decisions

  /// Records a conflict and returns the value to use: the explicit choice, else the default side's.
  mutating func decide(
    _ path: MergePath, _ kind: MergeConflict.Kind, base: MergeValue, mine: MergeValue, theirs: MergeValue,
    allowsAbsent: Bool = true
  ) -> MergeValue {
    let resolution = overrides[path]
    let chosen: MergeValue
    switch resolution ?? MergeResolution(defaultSide) {
    case .mine: chosen = mine
    case .theirs: chosen = theirs
    case .value(let v): chosen = v
    }
    conflicts.append(
      MergeConflict(
        path: path, kind: kind, base: base, mine: mine, theirs: theirs, resolution: resolution, chosen: chosen,
        allowsAbsent: allowsAbsent))
    return chosen
  }

  /// One field. `base` is nil when the item did not exist in the base (or there is none).
  mutating func field<V: Equatable>(
    _ path: MergePath, _ base: V?, _ mine: V, _ theirs: V, _ wrap: (V) -> MergeValue, _ unwrap: (MergeValue) -> V?,
    optional: Bool = false
  ) -> V {
    if mine == theirs {
      if let base, base != mine { note(\.fromBoth, path, .changed, wrap(base), wrap(mine)) }
      return mine
    }
    if let base {
      if base == mine { note(\.fromTheirs, path, .changed, wrap(base), wrap(theirs)); return theirs }
      if base == theirs { note(\.fromMine, path, .changed, wrap(base), wrap(mine)); return mine }
    }
    let kind: MergeConflict.Kind = base != nil ? .bothChanged : (hasBase ? .bothAdded : .differsWithoutBase)
    let chosen = decide(
      path, kind, base: base.map(wrap) ?? .absent, mine: wrap(mine), theirs: wrap(theirs), allowsAbsent: optional)
    return unwrap(chosen) ?? (defaultSide == .mine ? mine : theirs)
  }

  /// A field that may be unset (a phase, a milestone's done date, an unknown key).
  mutating func optionalField<V: Equatable>(
    _ path: MergePath, _ base: V??, _ mine: V?, _ theirs: V?, _ wrap: (V) -> MergeValue, _ unwrap: (MergeValue) -> V?
  ) -> V? {
    field(
      path, base, mine, theirs, { $0.map(wrap) ?? .absent },
      { value in value == .absent ? .some(nil) : unwrap(value).map { .some($0) } }, optional: true)
  }

  mutating func note(
    _ side: WritableKeyPath<MergeSummary, [MergeSummary.Entry]>, _ path: MergePath, _ action: MergeSummary.Action,
    _ old: MergeValue, _ new: MergeValue
  ) {
    guard !settled.contains(path) else { return }
    summary[keyPath: side].append(MergeSummary.Entry(path: path, action: action, old: old, new: new))
  }

  // MARK: Lists of items by key

  struct ListSpec<T: Equatable> {
    var key: (T) -> String
    var path: (T) -> MergePath
    var wrap: (T) -> MergeValue
    var unwrap: (MergeValue) -> T?
    /// Merges an item present on both sides; base nil when it was added on both (or no base).
    var mergeItem: (inout PortfolioMerger, T?, T, T) -> T
    /// Whether a side's version differs from the base only by sub-items it removed (an
    /// imperative that lost members, an initiative that lost milestones): against a removal of
    /// the whole item on the other side that is no conflict, the item is removed.
    var onlyRemovedFrom: (_ base: T, _ side: T) -> Bool = { _, _ in false }
  }

  /// Items matched by key. Order: mine's; each item only theirs has goes after its predecessor
  /// in theirs, past the items theirs does not have (mine's additions), so it lands where
  /// applying theirs' edits after mine's would put it.
  mutating func list<T: Equatable>(_ base: [T]?, _ mine: [T], _ theirs: [T], _ spec: ListSpec<T>) -> [T] {
    var baseByKey: [String: T] = [:]
    for item in base ?? [] where baseByKey[spec.key(item)] == nil { baseByKey[spec.key(item)] = item }
    var theirsByKey: [String: T] = [:]
    for item in theirs where theirsByKey[spec.key(item)] == nil { theirsByKey[spec.key(item)] = item }
    var mineKeys = Set<String>()
    var result: [T] = []
    var resultKeys: [String] = []
    result.reserveCapacity(mine.count)

    for m in mine {
      let k = spec.key(m)
      guard mineKeys.insert(k).inserted else { continue }
      let b = baseByKey[k]
      if let t = theirsByKey[k] {
        if let b {
          result.append(spec.mergeItem(&self, b, m, t))
        } else if m == t {
          if base != nil { note(\.fromBoth, spec.path(m), .added, .absent, spec.wrap(m)) }
          result.append(m)
        } else {
          result.append(spec.mergeItem(&self, nil, m, t))
        }
        resultKeys.append(k)
      } else if let b {
        // Removed in theirs.
        if m == b || spec.onlyRemovedFrom(b, m) {
          note(\.fromTheirs, spec.path(b), .removed, spec.wrap(b), .absent)
          continue
        }
        let chosen = decide(
          spec.path(m), .removedVsChanged(removedBy: .theirs), base: spec.wrap(b), mine: spec.wrap(m), theirs: .absent)
        if let item = spec.unwrap(chosen) {
          result.append(item)
          resultKeys.append(k)
        }
      } else {
        note(\.fromMine, spec.path(m), .added, .absent, spec.wrap(m))
        result.append(m)
        resultKeys.append(k)
      }
    }

    // Theirs' own items, grouped by the item of the result they follow (nil: the start).
    let inResult = Set(resultKeys)
    var anchor: String?
    var following: [String?: [T]] = [:]
    var theirsKeys = Set<String>()
    for t in theirs {
      let k = spec.key(t)
      guard theirsKeys.insert(k).inserted else { continue }
      if mineKeys.contains(k) {
        if inResult.contains(k) { anchor = k }
        continue
      }
      var item: T?
      if let b = baseByKey[k] {
        // Removed in mine.
        if t == b || spec.onlyRemovedFrom(b, t) {
          note(\.fromMine, spec.path(b), .removed, spec.wrap(b), .absent)
          continue
        }
        item = spec.unwrap(
          decide(spec.path(t), .removedVsChanged(removedBy: .mine), base: spec.wrap(b), mine: .absent, theirs: spec.wrap(t)))
      } else {
        note(\.fromTheirs, spec.path(t), .added, .absent, spec.wrap(t))
        item = t
      }
      if let item { following[anchor, default: []].append(item) }
    }
    if !following.isEmpty {
      // Each group goes after its anchor, past the items theirs does not have (mine's additions).
      var merged: [T] = []
      merged.reserveCapacity(result.count + following.values.reduce(0) { $0 + $1.count })
      var pending = following[nil] ?? []
      for (item, k) in zip(result, resultKeys) {
        if !pending.isEmpty, theirsByKey[k] != nil {
          merged += pending
          pending = []
        }
        merged.append(item)
        if let group = following[k] { pending += group }
      }
      merged += pending
      result = merged
    }

    if let base {
      var seen = Set<String>()
      for b in base {
        let k = spec.key(b)
        guard seen.insert(k).inserted, !mineKeys.contains(k), theirsByKey[k] == nil else { continue }
        note(\.fromBoth, spec.path(b), .removed, spec.wrap(b), .absent)
      }
    }
    return result
  }

  // MARK: Unknown keys

  /// Unknown keys, one field each: mine's keys in order, then theirs' new ones.
  /// `base` is nil when the item is not in the base (or there is no base).
  mutating func extra(_ item: MergePath, _ baseObject: JSONObject?, _ mine: JSONObject, _ theirs: JSONObject) -> JSONObject {
    if mine == theirs, baseObject == nil || baseObject == mine { return mine }
    var keys: [String] = []
    for k in mine.keys + theirs.keys where !keys.contains(k) { keys.append(k) }
    if let baseObject { for k in baseObject.keys where !keys.contains(k) { keys.append(k) } }
    var result = JSONObject()
    for k in keys {
      let b: JSONValue?? = baseObject.map { $0[k] }
      if let v = optionalField(item.appending("extra.\(k)"), b, mine[k], theirs[k], MergeValue.json, \.json) {
        result.set(k, v)
      }
    }
    return result
  }
}

// Payload accessors, for turning a typed-in or chosen value back into a field.
extension MergeValue {
  var text: String? { if case .text(let v) = self { v } else { nil } }
  var number: Double? { if case .number(let v) = self { v } else { nil } }
  var flag: Bool? { if case .flag(let v) = self { v } else { nil } }
  var day: Day? { if case .day(let v) = self { v } else { nil } }
  var dates: DateRange? { if case .dates(let v) = self { v } else { nil } }
  var horizon: Horizon? { if case .horizon(let v) = self { v } else { nil } }
  var rule: ExpectedProgressRule? { if case .rule(let v) = self { v } else { nil } }
  var json: JSONValue? { if case .json(let v) = self { v } else { nil } }
  var milestones: [Milestone]? { if case .milestones(let v) = self { v } else { nil } }
  var milestone: Milestone? { if case .milestone(let v) = self { v } else { nil } }
  var member: Membership? { if case .member(let v) = self { v } else { nil } }
  var imperative: Imperative? { if case .imperative(let v) = self { v } else { nil } }
  var component: Component? { if case .component(let v) = self { v } else { nil } }
  var initiative: Initiative? { if case .initiative(let v) = self { v } else { nil } }
  var texts: [String]? { if case .texts(let v) = self { v } else { nil } }
  var agreement: Agreement? { if case .agreement(let v) = self { v } else { nil } }
  var agreementNote: AgreementNote? { if case .agreementNote(let v) = self { v } else { nil } }
  var meeting: Meeting? { if case .meeting(let v) = self { v } else { nil } }
  var indicator: Indicator? { if case .indicator(let v) = self { v } else { nil } }
  var target: IndicatorTarget? { if case .target(let v) = self { v } else { nil } }
  var targets: [IndicatorTarget]? { if case .targets(let v) = self { v } else { nil } }
  var measurement: Measurement? { if case .measurement(let v) = self { v } else { nil } }
  var measurements: [Measurement]? { if case .measurements(let v) = self { v } else { nil } }
  var plannedDates: PlannedDates? {
    if case .plannedDates(let s, let e) = self { PlannedDates(start: s, end: e) } else { nil }
  }
}

/// An imperative's planned start and end, merged as one field so a merge never pairs one
/// side's start with the other side's end.
struct PlannedDates: Equatable {
  var start: Day?
  var end: Day?
  var value: MergeValue { .plannedDates(start: start, end: end) }
}
