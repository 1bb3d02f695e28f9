import TableroCore
import Testing

@Suite("Merge: history files")
struct HistoryMergeTests {
  func line(_ at: String, _ id: String, _ new: String) -> String {
    #"{"at":"\#(at)","user":"ana@campo","id":"\#(id)","field":"actualProgress","old":"0","new":"\#(new)"}"#
  }

  @Test func unionWithoutDuplicatesOrderedByTime() {
    let shared = line("2013-06-01T10:00:00Z", "A-1", "10")
    let mine = [shared, line("2013-06-03T09:00:00Z", "A-1", "20")].joined(separator: "\n") + "\n"
    let theirs = [shared, line("2013-06-02T12:00:00Z", "B-1", "5"), line("2013-06-04T08:00:00Z", "B-1", "7")]
      .joined(separator: "\r\n")
    let outcome = HistoryMerge.merge(mine: mine, theirs: theirs)
    #expect(outcome.added == 2)
    #expect(
      outcome.text.split(separator: "\n").map(String.init) == [
        shared, line("2013-06-02T12:00:00Z", "B-1", "5"), line("2013-06-03T09:00:00Z", "A-1", "20"),
        line("2013-06-04T08:00:00Z", "B-1", "7"),
      ])
    #expect(HistoryMerge.merge(mine: outcome.text, theirs: theirs).text == outcome.text, "idempotent")
  }

  @Test func sameTimeKeepsFileOrderAndUnreadableLinesStayInPlace() {
    let a = line("2013-06-01T10:00:00Z", "A-1", "10")
    let b = line("2013-06-01T10:00:00Z", "A-2", "11")
    let outcome = HistoryMerge.merge(mine: a + "\nnot json\n", theirs: b)
    #expect(outcome.text == a + "\nnot json\n" + b + "\n")
    #expect(HistoryMerge.merge(mine: "", theirs: "").text == "")
  }
}
