import Testing

@testable import TableroTerminal

@Suite struct TerminalSettingsTests {
  private func settings(_ environment: [String: String]) -> TerminalSettings {
    TerminalSettings { environment[$0] }
  }

  @Test func noColorFollowsNoColorOrg() {
    #expect(settings([:]).noColor == false)
    #expect(settings(["NO_COLOR": ""]).noColor == false)
    #expect(settings(["NO_COLOR": "1"]).noColor == true)
    #expect(settings(["NO_COLOR": "0"]).noColor == true)  // any non-empty value
  }

  @Test func escapeDelayIsOursUnlessSet() {
    #expect(settings([:]).hasEscapeDelay == false)
    #expect(settings(["ESCDELAY": "100"]).hasEscapeDelay == true)
  }

  @Test func unknownTerminalMessageNamesTerm() {
    #expect(
      TerminalError.unknownTerminal(term: "xterm-nada").description
        == "Terminal desconocido: TERM=xterm-nada")
    #expect(TerminalError.unknownTerminal(term: nil).description.contains("sin definir"))
  }
}
