import TableroJSON

/// Indicators merge by id, field by field, like the items (docs/MERGE.md, «Indicadores»):
/// a field changed on one side is taken, changed differently on both is a conflict. The
/// measurements are a list matched by date: measurements added on either side are all kept
/// (each office records its own), and the same date changed differently on both sides — or
/// added on both with different values — is a conflict on `measurements[AAAA-MM-DD]`, never
/// settled silently.
extension PortfolioMerger {
  static var indicatorSpec: ListSpec<Indicator> {
    ListSpec<Indicator>(
      key: \.id, path: { MergePath(.indicator($0.id)) }, wrap: MergeValue.indicator, unwrap: \.indicator,
      mergeItem: { merger, b, m, t in merger.indicator(b, m, t) })
  }

  mutating func indicator(_ b: Indicator?, _ m: Indicator, _ t: Indicator) -> Indicator {
    if m == t, b == nil || b == m { return m }
    let p = MergePath(.indicator(m.id))
    var r = m
    r.name = field(p.appending("name"), b?.name, m.name, t.name, MergeValue.text, \.text)
    r.ownerID = field(p.appending("owner"), b?.ownerID, m.ownerID, t.ownerID, MergeValue.text, \.text)
    r.unit = field(p.appending("unit"), b?.unit, m.unit, t.unit, MergeValue.text, \.text)
    r.kind = choice(p.appending("kind"), b?.kind, m.kind, t.kind)
    r.trend = choice(p.appending("trend"), b?.trend, m.trend, t.trend)
    r.periodicity = choice(p.appending("periodicity"), b?.periodicity, m.periodicity, t.periodicity)
    r.accumulation = choice(p.appending("accumulation"), b?.accumulation, m.accumulation, t.accumulation)
    r.baseline = optionalField(p.appending("baseline"), b.map { $0.baseline }, m.baseline, t.baseline, MergeValue.target, \.target)
    r.goals = field(p.appending("goals"), b?.goals, m.goals, t.goals, MergeValue.targets, \.targets)
    r.finalGoal = optionalField(p.appending("finalGoal"), b.map { $0.finalGoal }, m.finalGoal, t.finalGoal, MergeValue.target, \.target)
    r.method = field(p.appending("method"), b?.method, m.method, t.method, MergeValue.text, \.text)
    r.source = field(p.appending("source"), b?.source, m.source, t.source, MergeValue.text, \.text)
    r.measurements = measurements(p, b?.measurements, m.measurements, t.measurements)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }

  /// By date, in date order. A series with two measurements on one date (possible in a file
  /// written by hand) cannot be matched by date: then the series is one field, like milestones.
  mutating func measurements(_ p: MergePath, _ b: [Measurement]?, _ m: [Measurement], _ t: [Measurement]) -> [Measurement] {
    func repeatsADate(_ list: [Measurement]) -> Bool { Set(list.map(\.day)).count != list.count }
    if repeatsADate(m) || repeatsADate(t) || b.map(repeatsADate) == true {
      return field(p.appending("measurements"), b, m, t, MergeValue.measurements, \.measurements)
    }
    let item = p.item
    func path(_ x: Measurement) -> MergePath { MergePath(item, "measurements[\(x.day.iso)]") }
    let spec = ListSpec<Measurement>(
      key: \.day.iso, path: path, wrap: MergeValue.measurement, unwrap: \.measurement,
      mergeItem: { merger, b, m, t in merger.field(path(m), b, m, t, MergeValue.measurement, \.measurement) })
    return list(b, m, t, spec).sorted { $0.day < $1.day }
  }

  /// A field with a fixed set of words (trend, periodicity…): mine / theirs, not typed in.
  mutating func choice<T: RawRepresentable & Equatable>(_ path: MergePath, _ b: T?, _ m: T, _ t: T) -> T where T.RawValue == String {
    field(path, b, m, t, { MergeValue.json(.string($0.rawValue)) }, { $0.json?.stringValue.flatMap(T.init(rawValue:)) })
  }
}
