import Testing
import TableroJSON

@testable import TableroCore

/// `report --format json` is written row by row (issue 13: memory at 100k); the bytes must be
/// those of the tree the report was built from before.
@Suite struct StreamedReportTests {
  @Test(arguments: [false, true])
  func streamedJSONReportEqualsTheTree(_ detail: Bool) throws {
    let p = try EmbeddedPortfolios.load(.demo).portfolio
    let status = StatusEngine().evaluate(p)
    let dashboard = Dashboard(p, status: status, detail: detail)
    for language in [Language.es, .en] {
      let f = ReportFormatter(language: language)
      let tree = JSONWriter.write(.object(f.jsonRoot(p, status: status, rows: dashboard.rows)))
      #expect(f.render(p, status: status, dashboard: dashboard, as: .json) == tree)
    }
  }
}
