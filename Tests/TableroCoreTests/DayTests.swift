import Testing
import TableroCore

@Suite struct DayTests {
  @Test func parsesAndFormatsISOAndDisplay() throws {
    let day = try #require(Day(iso: "2011-09-01"))
    #expect(day.iso == "2011-09-01")
    #expect(day.display == "01/09/2011")
    #expect(Day(userText: "1/9/2011") == day)
    #expect(Day(userText: " 01/09/2011 ") == day)
    #expect(Day(userText: "2011-09-01") == day)
  }

  @Test(arguments: ["2011-02-29", "2011-13-01", "2011-00-10", "2011-04-31", "11-09-01", "2011/09/01", "", "abcd-ef-gh", "2011-9-1"])
  func rejectsInvalidISO(_ text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test func leapYears() throws {
    #expect(Day(iso: "2012-02-29") != nil)
    #expect(Day(iso: "2000-02-29") != nil)
    #expect(Day(iso: "1900-02-29") == nil)
    let start = try #require(Day(iso: "2012-02-28"))
    let end = try #require(Day(iso: "2012-03-01"))
    #expect(start.days(to: end) == 2)
  }

  @Test func roundTripsEveryDayOfSeveralYears() {
    var day = Day(year: 2010, month: 1, day: 1)
    while let current = day, current.year < 2031 {
      #expect(Day(iso: current.iso) == current)
      day = Day(ordinal: current.ordinal + 1)
    }
  }
}
