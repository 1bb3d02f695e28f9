import Foundation
import Testing
import TableroCore
@testable import TableroUI

/// A clock the test moves forward, read by the UI when a meeting starts and ends.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var seconds: Int64

  init(_ start: Int64) { seconds = start }

  var now: Timestamp { lock.withLock { Timestamp(seconds: seconds) } }

  func advance(minutes: Int64) { lock.withLock { seconds += minutes * 60 } }
}

@Suite struct MeetingClockTests {
  static let start: Int64 = 1_372_672_920  // 2013-07-01T10:02:00Z

  static func hhmm(_ t: Timestamp) -> String { String(t.localDisplay.suffix(5)) }

  @Test func rStampsTheRealStartAndEndAndTheHeaderShowsTheMeeting() throws {
    var app = try AppHarness(.demo)
    let clock = TestClock(Self.start)
    app.state.config.clock = { clock.now }
    clock.advance(minutes: 5)  // the session started earlier than the meeting
    let startedAt = clock.now
    app.press(.character("R"))
    let meeting = try #require(app.state.portfolio.openMeeting)
    #expect(meeting.started == startedAt.iso)
    #expect(app.lines[1].contains("● Reunión desde \(Self.hhmm(startedAt))"), "\(app.lines[1])")
    #expect(app.lines[1].contains("30/06/2013"), "the report date still shows")

    // An edit 40 minutes into the meeting, then R ends it.
    clock.advance(minutes: 40)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter, .character("e"), .control("u"))
    app.type("55")
    app.press(.enter)
    clock.advance(minutes: 10)
    let endedAt = clock.now
    app.press(.character("R"))
    #expect(app.state.portfolio.openMeeting == nil)
    let ended = try #require(app.state.portfolio.meetings.last)
    #expect(ended.started == startedAt.iso && ended.ended == endedAt.iso)
    #expect(!app.lines[1].contains("Reunión desde"))
  }

  @Test func englishHeaderSaysMeetingSince() throws {
    var app = try AppHarness(.demo, language: .en)
    app.state.config.now = Timestamp(seconds: Self.start)
    app.press(.character("R"))
    #expect(app.lines[1].contains("● Meeting since \(Self.hhmm(Timestamp(seconds: Self.start)))"), "\(app.lines[1])")
  }
}
