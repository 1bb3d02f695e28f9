import Foundation
import Testing

/// `tablero merge --take`: the value kept in a conflict is the latest history line of its
/// field afterwards, so charts and minutes read it (the losing side's later line used to win).
@Suite("merge --take: settled fields in the history")
struct MergeSettledHistoryTests {
  /// Mine set ACMI-04 to 55 at 09:40, the other copy to 60 at 09:45 (both from 40); the other
  /// copy also set PGS-01, so the merge has something to write.
  func conflictingCopies() throws -> Sandbox {
    let s = try Sandbox(file: "mine.json")
    try s.demo("base.json")
    for (file, value) in [("mine.json", 55), ("other.json", 60)] {
      var root = try s.json("base.json")
      var initiatives = try #require(root["initiatives"] as? [[String: Any]])
      let i = try #require(initiatives.firstIndex { $0["id"] as? String == "ACMI-04" })
      initiatives[i]["actualProgress"] = value
      if file == "other.json", let j = initiatives.firstIndex(where: { $0["id"] as? String == "PGS-01" }) {
        initiatives[j]["actualProgress"] = 12
      }
      root["initiatives"] = initiatives
      try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: s.path(file)))
    }
    func line(_ at: String, _ user: String, _ new: Int) -> String {
      #"{"at":"\#(at)","user":"\#(user)","id":"ACMI-04","field":"actualProgress","old":"40","new":"\#(new)"}"# + "\n"
    }
    try s.write("mine.json.historial.jsonl", line("2013-06-01T09:40:00Z", "ana@oficina", 55))
    try s.write("other.json.historial.jsonl", line("2013-06-01T09:45:00Z", "luis@campo", 60))
    return s
  }

  /// The "new" values of ACMI-04's progress lines, in file order.
  func progressLines(_ s: Sandbox) throws -> [String] {
    let text = String(decoding: try s.bytes("mine.json.historial.jsonl"), as: UTF8.self)
    return text.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        object["id"] as? String == "ACMI-04", object["field"] as? String == "actualProgress"
      else { return nil }
      return object["new"] as? String
    }
  }

  @Test func takeMineMakesMinesValueTheLatest() throws {
    let s = try conflictingCopies()
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--take", "mine")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try s.json("mine.json").initiative("ACMI-04")?["actualProgress"] as? Double == 55)
    #expect(try s.json("mine.json").initiative("PGS-01")?["actualProgress"] as? Double == 12)
    let values = try progressLines(s)
    #expect(values.prefix(2) == ["55", "60"], "both sides' lines travel: \(values)")
    #expect(values.last == "55", "the kept value is the latest line: \(values)")
  }

  @Test func takeTheirsRecordsTheKeptValueOnce() throws {
    let s = try conflictingCopies()
    let result = try s.run("merge", s.path("other.json"), "--base", s.path("base.json"), "--take", "theirs")
    #expect(result.status == 0, "\(result.stderr)")
    let values = try progressLines(s)
    #expect(values.last == "60", "\(values)")
    #expect(values.count == 3, "55, 60 and one line for the settled value, not two: \(values)")
  }

  @Test func mergeIntoAnOutputFileRecordsTheKeptValueThere() throws {
    let s = try conflictingCopies()
    let result = try s.run(
      "merge", s.path("other.json"), "--base", s.path("base.json"), "--take", "mine", "--output", s.path("juntos.json"))
    #expect(result.status == 0, "\(result.stderr)")
    let text = String(decoding: try s.bytes("juntos.json.historial.jsonl"), as: UTF8.self)
    let last = try #require(text.split(separator: "\n").last { $0.contains("\"ACMI-04\"") })
    #expect(last.contains("\"new\":\"55\""), "\(text)")
  }
}
