import Foundation
import TableroCore

/// The Indicadores view: the benefit indicators per imperative, their status against the goal
/// trajectory, Enter for the whole record, `e` to record a measurement.
public struct IndicatorsViewState: Equatable, Sendable {
  public enum Filter: Equatable, Sendable, CaseIterable {
    case all, red, redAndYellow, notMeasured
  }
  public var cursor = ListCursor()
  public var filter = Filter.all
  public init() {}
}

extension AppState {
  /// Recomputed with the status: every indicator at the report date, and the red ones per owner.
  mutating func refreshIndicators() {
    indicatorStatus = portfolio.indicators.map {
      IndicatorEvaluator.evaluate($0, at: portfolio.reportDate, tolerance: portfolio.tolerance)
    }
    var red: [String: Int] = [:]
    for (x, s) in zip(portfolio.indicators, indicatorStatus) where s.isRed { red[x.ownerID, default: 0] += 1 }
    redIndicators = red
    indicatorOwnerCount = Set(portfolio.indicators.lazy.map(\.ownerID)).count
    rebuildIndicatorRows()
  }

  /// Rebuilds the rows of view 6: after an edit (with the status) and when the filter changes,
  /// never on a cursor move (10 000 indicators: sorting on every key cost ≈ 40 ms).
  mutating func rebuildIndicatorRows() {
    indicatorRows = Self.indicatorRows(portfolio, status: indicatorStatus, filter: indicatorsView.filter)
    indicatorsView.cursor.clamp(count: indicatorRows.count, visible: indicatorsVisible)
  }

  mutating func setIndicatorFilter(_ filter: IndicatorsViewState.Filter) {
    indicatorsView.filter = filter
    indicatorsView.cursor = ListCursor()
    rebuildIndicatorRows()
  }

  /// Indexes into `portfolio.indicators`, in the order shown (by owner: imperatives, then
  /// components), filtered.
  static func indicatorRows(_ portfolio: Portfolio, status indicatorStatus: [IndicatorStatus], filter: IndicatorsViewState.Filter) -> [Int] {
    var order: [String: Int] = [:]
    for (i, m) in portfolio.imperatives.enumerated() { order[m.id] = i }
    for (i, c) in portfolio.components.enumerated() where order[c.id] == nil { order[c.id] = portfolio.imperatives.count + i }
    return portfolio.indicators.indices
      .filter { i in
        guard indicatorStatus.indices.contains(i) else { return filter == .all }
        let s = indicatorStatus[i]
        switch filter {
        case .all: return true
        case .red: return s.isRed
        case .redAndYellow: return s.isRed || s.state == .level(.minorDeviation)
        case .notMeasured: return s.state == .noMeasurement
        }
      }
      .sorted { (order[portfolio.indicators[$0].ownerID] ?? .max, $0) < (order[portfolio.indicators[$1].ownerID] ?? .max, $1) }
  }

  var selectedIndicator: Int? {
    let rows = indicatorRows
    return rows.indices.contains(indicatorsView.cursor.selected) ? rows[indicatorsView.cursor.selected] : nil
  }

  func indicatorFilterText(_ f: IndicatorsViewState.Filter) -> String {
    let l = language
    switch f {
    case .all: return l.pick("todos", "all")
    case .red: return l.pick("solo rojos", "red only")
    case .redAndYellow: return l.pick("rojos y amarillos", "red and yellow")
    case .notMeasured: return l.pick("sin medición", "not measured")
    }
  }

  /// Keys of the Indicadores view; nil lets the global table handle the key.
  mutating func handleIndicatorKey(_ key: Key) -> [Effect]? {
    let l = language
    switch key {
    case .up, .character("k"): indicatorsView.cursor.move(by: -1, count: indicatorRows.count, visible: indicatorsVisible)
    case .down, .character("j"): indicatorsView.cursor.move(by: 1, count: indicatorRows.count, visible: indicatorsVisible)
    case .character("f"):
      let all = IndicatorsViewState.Filter.allCases
      let next = all[((all.firstIndex(of: indicatorsView.filter) ?? 0) + 1) % all.count]
      setIndicatorFilter(next)
      message = StatusMessage(l.pick("Indicadores: ", "Indicators: ") + indicatorFilterText(next))
    case .character("]"): jumpToIndicatorAttention(forward: true)
    case .character("["): jumpToIndicatorAttention(forward: false)
    case .character("F"):
      setIndicatorFilter(.all)
      message = StatusMessage(l.pick("Indicadores: todos", "Indicators: all"))
    case .enter, .character(" "):
      guard let i = selectedIndicator else { return [] }
      let x = portfolio.indicators[i]
      modal = .lines(title: "\(x.id) \(x.name)", lines: IndicatorDetail.lines(x, status: indicatorStatus[i], portfolio: portfolio, language: l, unicode: config.useUnicode))
    case .character("e"):
      guard !refuseReadOnly(), let i = selectedIndicator else { return [] }
      let x = portfolio.indicators[i]
      var context = ["\(x.id) \(x.name)" + (x.unit.isEmpty ? "" : " [\(x.unit)]")]
      if let latest = indicatorStatus[i].latest, let v = latest.value {
        context.append(l.pick("Último valor: ", "Latest value: ") + Format.measure(v) + " (" + latest.day.display + ")")
      }
      context.append(l.pick("Valor: un número (63.5 o 63,5) o el motivo de su ausencia (N.D., N.A.)", "Value: a number (63.5) or the reason it is missing (N.D., N.A.)"))
      modal = .form(FormState(
        purpose: .measurement(indicatorID: x.id), title: l.pick("Medición de ", "Measurement of ") + x.id,
        fields: [
          FormField(l.pick("Fecha", "Date"), .date, portfolio.reportDate.display),
          FormField(l.pick("Valor", "Value"), .requiredText, ""),
          FormField(l.pick("Nota", "Note"), .text, ""),
        ],
        context: context))
    default:
      return nil
    }
    return []
  }

  /// The measurement form's value: nil (and the form says why) when it is neither a number
  /// nor a reason.
  func measurementProblem(_ text: String) -> String? {
    MeasurementValue(text) == nil
      ? language.pick("«\(text)» no es un número ni un motivo de ausencia (N.D., N.A.)", "«\(text)» is neither a number nor a reason (N.D., N.A.)")
      : nil
  }

  mutating func submitMeasurement(_ form: FormState, id: String) -> Bool {
    guard let day = Day(userText: form.text(0).trimmingCharacters(in: .whitespaces)), let value = MeasurementValue(form.text(1)) else { return false }
    let m = Measurement(day: day, value: value.value, reason: value.reason, note: form.text(2).trimmingCharacters(in: .whitespaces), by: config.userName)
    return apply(language.pick("medición de ", "measurement of ") + id, .recordMeasurement(indicator: id, measurement: m))
  }
}

extension AppState {
  /// The finish-date forecast of a tree row (docs/STATUS.md §10), computed when shown.
  func forecast(_ row: TreeRow) -> Forecast? {
    let board = ForecastBoard(portfolio: portfolio, status: status, history: progressHistory)
    switch row.kind {
    case .initiative: return board.initiative(row.index)
    case .component: return board.component(row.index)
    case .imperative: return board.imperative(row.index)
    }
  }
}
