/// Builds Cuadro 9's rows from a portfolio and its status: imperative → components
/// (→ initiatives with `detail`) → subtotal.
public struct Dashboard: Sendable {
  public var rows: [DashboardRow]

  /// `levels` keeps only rows in those states; `initiativeFilter` (with `detail`) further
  /// chooses which initiatives are listed.
  public init(
    _ portfolio: Portfolio, status: PortfolioStatus, detail: Bool = false, levels: Set<StatusLevel>? = nil,
    initiativeFilter: ((Initiative) -> Bool)? = nil
  ) {
    var rows: [DashboardRow] = []
    var componentIndex: [String: Int] = [:]
    for (i, c) in portfolio.components.enumerated() where componentIndex[c.id] == nil { componentIndex[c.id] = i }
    let measuredWeight = zip(portfolio.imperatives, status.imperatives)
      .filter { $0.1.level != .noComponents }.reduce(0.0) { $0 + max($1.0.weight, 0) }

    func keep(_ level: StatusLevel) -> Bool { levels?.contains(level) ?? true }

    for (m, imperative) in portfolio.imperatives.enumerated() {
      var body: [DashboardRow] = []
      for member in imperative.members {
        guard let c = componentIndex[member.componentID] else { continue }
        let component = portfolio.components[c]
        var children: [DashboardRow] = []
        if detail {
          let indices = status.initiativesByComponent[c]
          let total = indices.reduce(0.0) { $0 + max(portfolio.initiatives[$1].weight, 0) }
          for i in indices where keep(status.initiatives[i].level) && (initiativeFilter?(portfolio.initiatives[i]) ?? true) {
            let initiative = portfolio.initiatives[i]
            children.append(
              DashboardRow(
                kind: .initiative, id: initiative.id, imperativeID: imperative.id, name: initiative.name,
                status: status.initiatives[i],
                weight: total > 0 ? max(initiative.weight, 0) / total * 100 : nil))
          }
        }
        if keep(status.components[c].level) || !children.isEmpty {
          body.append(
            DashboardRow(
              kind: .component, id: component.id, imperativeID: imperative.id, name: component.name,
              status: status.components[c], weight: member.weight))
          body += children
        }
      }
      let subtotalStatus = status.imperatives[m]
      let showSubtotal = keep(subtotalStatus.level) || !body.isEmpty
      guard showSubtotal else { continue }
      let share: Double? =
        subtotalStatus.level == .noComponents || measuredWeight <= 0
        ? nil : max(imperative.weight, 0) / measuredWeight * 100
      rows.append(
        DashboardRow(
          kind: .imperative, id: imperative.id, imperativeID: imperative.id, name: imperative.name,
          status: subtotalStatus, weight: share))
      rows += body
      rows.append(
        DashboardRow(
          kind: .subtotal, id: imperative.id, imperativeID: imperative.id, name: imperative.name,
          status: subtotalStatus, weight: share))
    }
    self.rows = rows
  }
}
