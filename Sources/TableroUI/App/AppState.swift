import TableroCore

/// The whole UI state. `update` changes it in response to events; `render` draws it.
/// Derived data (status, visible rows) is recomputed here after each change, so drawing a
/// frame only touches the rows on screen, whatever the size of the portfolio.
public struct AppState: Sendable {
  public internal(set) var portfolio: Portfolio
  public internal(set) var status: PortfolioStatus {
    didSet { filterMatches = nil }
  }
  public internal(set) var config: AppConfig
  public internal(set) var size: Size
  public internal(set) var view: ViewID = .dashboard {
    // A list left out of date by changes made while another view was shown is built now.
    didSet { buildRows(RowList.shown(in: view)) }
  }
  public internal(set) var modal: Modal?
  public internal(set) var message: StatusMessage?
  /// Unsaved changes exist.
  public internal(set) var isDirty = false
  /// Items other sessions changed (their saves came in since this session last saved): marked
  /// in the lists.
  public internal(set) var changedByOthers: Set<String> = []
  /// A save was requested and its outcome not reported yet.
  public internal(set) var isSaving = false
  /// Quit once the pending save succeeds.
  var quitAfterSave = false
  public internal(set) var warnings: [ValidationIssue]
  /// Where each warning is ("iniciativa ACMI-04 «…», avance real"), resolved against the file
  /// as loaded: later edits move indexes.
  public internal(set) var warningPlaces: [String] = []

  // Lists and their filters.
  public internal(set) var filter = ItemFilter() {
    didSet { filterMatches = nil }
  }
  public internal(set) var sort = SortOrder()
  /// Initiatives listed inline in the dashboard (`i`).
  public internal(set) var showsDetail = false
  /// The component whose initiatives the dashboard shows (Enter on a component); nil at top level.
  public internal(set) var drillComponent: String?
  public internal(set) var dashboardRows: [DashboardRow] = []
  public internal(set) var dashboardCursor = ListCursor()
  var dashboardTopCursor = ListCursor()
  /// The top level's rows while drilled in, and the `rowsGeneration` they were built in: Esc
  /// puts them back when nothing changed since (with a filter at 100 000 they are tens of
  /// thousands of rows).
  var dashboardTopRows: (rows: [DashboardRow], generation: Int)?

  public internal(set) var expanded: Set<String> = []
  public internal(set) var treeRows: [TreeRow] = []
  public internal(set) var treeCursor = ListCursor()

  public internal(set) var timeline = TimelineState()
  public internal(set) var timelineRows: [TreeRow] = []
  /// Lists a change left out of date, rebuilt when shown (see `refreshRows`).
  var staleLists: Set<RowList> = []
  /// What the filter keeps, for the lists built after the last change; dropped when the
  /// filter or the status changes.
  var filterMatches: FilterMatches?
  /// Counts `refreshRows` calls: rows built in the same generation are still current.
  var rowsGeneration = 0
  /// Builds of each list so far (see `RowBuildCount`).
  var rowBuilds = RowBuildCount()

  public internal(set) var helpOffset = 0
  /// How far the detail pane is scrolled, for the tree row (path) it was scrolled on; another
  /// selection starts at the top.
  public internal(set) var detailScroll: (path: String, offset: Int) = ("", 0)
  /// The history file's lines (who changed what, when), for the detail pane.
  public internal(set) var historyRecords: [HistoryRecord] = []
  /// Past actual progress (the history file), for the progress charts.
  public internal(set) var progressHistory = ProgressHistory()
  /// The detail pane shows the progress chart instead of the fields (v).
  public internal(set) var showsChart = false
  public internal(set) var agreementsView = AgreementsViewState()
  public internal(set) var indicatorsView = IndicatorsViewState()
  /// Status of every indicator (same order as `portfolio.indicators`), kept with the portfolio.
  public internal(set) var indicatorStatus: [IndicatorStatus] = []
  /// Red indicators per imperative or component id, for the dashboard.
  public internal(set) var redIndicators: [String: Int] = [:]
  /// The rows of view 6 (indexes into `portfolio.indicators`, grouped and filtered), rebuilt
  /// with the status and on a filter change only.
  public internal(set) var indicatorRows: [Int] = []
  /// How many owner headings view 6 shows (one per imperative or component with indicators).
  var indicatorOwnerCount = 0
  /// The whole portfolio's finish-date forecast (docs/STATUS.md §10), for the total row; nil
  /// while it is being recomputed. It reads every initiative's series (≈ 30 ms at 100 000 with
  /// history), so after an edit it is recomputed in the next idle moment, not on the key.
  public internal(set) var portfolioForecast: Forecast?
  public internal(set) var portfolioForecastIsStale = false
  /// Presentation mode for meetings (P, or `tablero --presentar`); nil otherwise.
  public internal(set) var presentation: PresentationState?
  /// The triage list (T) over the current view; nil otherwise.
  public internal(set) var triage: TriageState?
  /// The item `]`/`[` last jumped to, and its place in the order then.
  var lastAttention: (kind: ItemKind, id: String, position: Int)?
  /// The list view Help returns to.
  var lastList: ViewID = .dashboard

  // Search.
  public internal(set) var search = SearchState()
  var searchIndex: SearchIndex?

  var history = UndoHistory()
  /// The revision last saved (or loaded): undoing back to it clears the unsaved mark.
  var savedRevision = 0
  /// The revision a pending save writes.
  var savingRevision: Int?
  /// Journal entries produced by the current step, returned as effects by `update`.
  var outbox: [Effect] = []
  var componentIndex: [String: Int] = [:]
  /// Position of each initiative id, built on first use (see `LazyIDIndex`).
  var initiativeIndex: [String: Int] { initiativeIDs.dictionary }
  var initiativeIDs = LazyIDIndex()

  public init(loaded: LoadedPortfolio, config: AppConfig, size: Size, history records: [HistoryRecord] = [], startup: Modal? = nil) {
    historyRecords = records
    progressHistory = ProgressHistory.from(records)
    portfolio = loaded.portfolio
    history.limit = UndoHistory.limit(forInitiatives: loaded.portfolio.initiatives.count)
    warnings = loaded.warnings
    warningPlaces = loaded.warnings.prefix(200).map { $0.place(in: loaded.portfolio, config.language) }
    self.config = config
    self.size = size
    status = StatusEngine().evaluate(loaded.portfolio)
    refreshIndicators()
    // Computed in the first idle moment (≈ 180 ms CPU at 100 000 initiatives with history).
    invalidatePortfolioForecast()
    expanded = Set(loaded.portfolio.imperatives.prefix(1).map(\.id))
    timeline = TimelineState(portfolio: loaded.portfolio)
    rebuildIndexes()
    refreshRows()
    if let startup {
      modal = startup
    } else if config.presenting {
      startPresentation()
    } else if config.readOnly {
      message = StatusMessage(config.language.pick("Solo lectura: los cambios no se guardan.", "Read-only: changes are not saved."))
    } else if !loaded.warnings.isEmpty {
      message = StatusMessage(
        config.language.pick(
          "\(loaded.warnings.count) avisos al cargar; véalos en Ayuda (4).",
          "\(loaded.warnings.count) warnings on load; see Help (4)."))
    }
  }

  public var language: Language { config.language }

  mutating func refreshPortfolioForecast() {
    portfolioForecast = ForecastBoard(portfolio: portfolio, status: status, history: progressHistory).portfolioForecast()
    portfolioForecastIsStale = false
  }

  /// The total row has room for the forecast only from ≈ 93 columns (DashboardView picks the
  /// wording that fits): narrower, it is not computed at all.
  var portfolioForecastFits: Bool { size.width >= 93 }

  /// After an edit or new history: the total row drops the old forecast (it could be wrong)
  /// until `Event.idle` recomputes it.
  mutating func invalidatePortfolioForecast() {
    portfolioForecast = nil
    portfolioForecastIsStale = true
  }

  /// Rows of the body area for the current layout (header 4 rows, footer 3 rows).
  var bodyHeight: Int { max(1, size.height - Layout.chromeRows) }

  mutating func rebuildIndexes() {
    componentIndex.removeAll(keepingCapacity: true)
    for (i, c) in portfolio.components.enumerated() where componentIndex[c.id] == nil { componentIndex[c.id] = i }
    initiativeIDs = LazyIDIndex(ids: portfolio.initiatives.map(\.id))
    searchIndex = nil
  }

  /// After a change (edit, filter, sort, expand, resize): rebuilds the list on screen and marks
  /// the others out of date; each is rebuilt when its view is shown (`view`'s observer). At
  /// 100 000 initiatives a filtered list is tens of thousands of rows: building all three per
  /// key cost ≈ 3× what the screen needs. Each selection stays on its item either way.
  mutating func refreshRows() {
    rowsGeneration += 1
    staleLists = Set(RowList.allCases)
    buildRows(RowList.shown(in: view))
    refreshTriage()
  }

  /// After a change that concerns the dashboard alone (drilling in or out): rebuilds it, and
  /// leaves the tree and timeline as they are.
  mutating func refreshDashboard() {
    staleLists.insert(.dashboard)
    if RowList.shown(in: view) == .dashboard { buildRows(.dashboard) }
  }

  /// Rebuilds a list a change left out of date (nothing when it is up to date); the selection
  /// follows its item from the rows last built.
  mutating func buildRows(_ list: RowList) {
    guard staleLists.remove(list) != nil else { return }
    rowBuilds[list] += 1
    let matches = currentFilterMatches()
    switch list {
    case .dashboard:
      let old = dashboardRows, was = dashboardCursor.selected
      dashboardRows = buildDashboardRows(matches)
      dashboardCursor.follow(
        from: old, selected: was, to: dashboardRows, visible: Layout.dashboardListHeight(bodyHeight), key: DashboardRowKey.init)
    case .tree:
      let old = treeRows, was = treeCursor.selected
      treeRows = TreeModel.rows(
        portfolio, status: status, expanded: expanded, filter: filter, componentIndex: componentIndex, sort: sort, matches: matches)
      treeCursor.follow(from: old, selected: was, to: treeRows, visible: Layout.listHeight(bodyHeight), key: TreeRowKey.init)
    case .timeline:
      let old = timelineRows, was = timeline.cursor.selected
      timelineRows = TimelineModel.rows(
        portfolio, status: status, expanded: timeline.expanded, filter: filter, sort: sort, matches: matches)
      timeline.cursor.follow(
        from: old, selected: was, to: timelineRows, visible: Layout.timelineListHeight(bodyHeight), key: TreeRowKey.init)
    }
  }

  /// What the filter keeps, computed once per change for whichever lists are built after it.
  private mutating func currentFilterMatches() -> FilterMatches? {
    guard filter.isActive else { return nil }
    if let filterMatches { return filterMatches }
    let matches = FilterMatches(filter: filter, portfolio: portfolio, status: status)
    filterMatches = matches
    return matches
  }

  /// The dashboard's rows: Cuadro 9, or the initiatives of the component drilled into.
  private mutating func buildDashboardRows(_ matches: FilterMatches?) -> [DashboardRow] {
    guard let drill = drillComponent, let c = componentIndex[drill] else {
      drillComponent = nil
      return DashboardModel.rows(portfolio, status: status, showsDetail: showsDetail, filter: filter, sort: sort, matches: matches)
    }
    let indices = matches?.byComponent[c] ?? status.initiativesByComponent[c]
    let weightTotal = status.initiativesByComponent[c].reduce(0.0) { $0 + max(portfolio.initiatives[$1].weight, 0) }
    return sort.sorted(indices, portfolio: portfolio, status: status).map { i in
      let x = portfolio.initiatives[i]
      return DashboardRow(
        kind: .initiative, id: x.id, imperativeID: "", name: x.name, status: status.initiatives[i],
        weight: weightTotal > 0 ? max(x.weight, 0) / weightTotal * 100 : nil)
    }
  }

  /// Gives `portfolio` storage of its own while the user is idle. After loading or saving it
  /// shares its arrays with the session's saved copy (and with undo snapshots), so the next
  /// edit in place would first copy every initiative: ≈20 ms at 100k on the key that edits.
  /// Copying here, between keys, keeps that key fast; when already unique this is O(1).
  mutating func ownDocumentStorage() {
    portfolio.initiatives.withUnsafeMutableBufferPointer { _ in }
    portfolio.components.withUnsafeMutableBufferPointer { _ in }
    portfolio.imperatives.withUnsafeMutableBufferPointer { _ in }
  }

  /// After an edit: recompute status and rows; indexes only when ids or order changed.
  mutating func portfolioChanged(structural: Bool) {
    status = StatusEngine().evaluate(portfolio)
    refreshIndicators()
    invalidatePortfolioForecast()
    if structural { rebuildIndexes() }
    searchIndex = nil
    refreshRows()
  }
}
