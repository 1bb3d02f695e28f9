import PropertyBased
import TableroCore
import TableroJSON
import Testing

/// docs/FORMAT.md promises that keys Tablero does not know are kept on save. Random unknown
/// keys are put into random objects of a valid file, at every depth, and must survive
/// load → edit → save unchanged and in place.
@Suite("Unknown keys survive at any depth")
struct UnknownKeysPropertyTests {
  /// The demo plus what it lacks so every kind of object is present: a milestone, an
  /// agreement with a note, a meeting.
  static let base: JSONValue = {
    do {
      var portfolio = try EmbeddedPortfolios.load(.demo).portfolio
      let day = portfolio.reportDate
      portfolio.initiatives[0].milestones.append(Milestone(name: "Hito", due: day, done: nil, weight: 2))
      portfolio.agreements.append(
        Agreement(
          folio: "AC-001", text: "Revisar", itemID: portfolio.initiatives[0].id, responsible: "DGIS",
          created: day, due: day, meetingID: "R-1", notes: [AgreementNote(day: day, text: "Avance")]))
      portfolio.meetings.append(Meeting(id: "R-1", title: "Revisión", started: "2013-06-30T10:00"))
      return try JSON.parse(PortfolioCodec.encode(portfolio))
    } catch {
      preconditionFailure("\(error)")
    }
  }()

  /// A step into a JSON value: a key of an object or an index of an array.
  enum Step: Equatable, CustomStringConvertible {
    case key(String), index(Int)
    var description: String {
      switch self {
      case .key(let k): ".\(k)"
      case .index(let i): "[\(i)]"
      }
    }
  }

  /// Every object in the tree, by its path from the root (the root included).
  static func objectPaths(_ value: JSONValue, at path: [Step] = []) -> [[Step]] {
    switch value {
    case .object(let object):
      return [path] + object.pairs.flatMap { objectPaths($0.value, at: path + [.key($0.key)]) }
    case .array(let items):
      return items.enumerated().flatMap { objectPaths($0.element, at: path + [.index($0.offset)]) }
    default:
      return []
    }
  }

  static func value(_ root: JSONValue, at path: [Step]) -> JSONValue? {
    var current = root
    for step in path {
      switch (step, current) {
      case (.key(let k), .object(let o)): guard let next = o[k] else { return nil }; current = next
      case (.index(let i), .array(let a)): guard a.indices.contains(i) else { return nil }; current = a[i]
      default: return nil
      }
    }
    return current
  }

  static func inserting(_ key: String, _ extra: JSONValue, at path: [Step], into root: JSONValue) -> JSONValue {
    guard let first = path.first else {
      guard case .object(var o) = root else { return root }
      o.set(key, extra)
      return .object(o)
    }
    let rest = Array(path.dropFirst())
    switch (first, root) {
    case (.key(let k), .object(var o)):
      guard let child = o[k] else { return root }
      o.set(k, inserting(key, extra, at: rest, into: child))
      return .object(o)
    case (.index(let i), .array(var a)) where a.indices.contains(i):
      a[i] = inserting(key, extra, at: rest, into: a[i])
      return .array(a)
    default:
      return root
    }
  }

  /// A random JSON value of a few kinds, nested objects and arrays among them.
  static func randomValue(_ seed: inout SplitMix) -> JSONValue {
    switch seed.next() % 6 {
    case 0: return .string("texto \(seed.next() % 1000) ñ")
    case 1: return .number(JSONNumber(Int(seed.next() % 10_000)))
    case 2: return .bool(seed.next() % 2 == 0)
    case 3: return .null
    case 4: return .array([.string("a"), .object(["anidado": .number(JSONNumber(1))])])
    default: return .object(["x-interno": .object(["profundo": .string("sí")]), "lista": .array([])])
    }
  }

  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let paths = objectPaths(base)

  @Test func theFixtureHasObjectsAtEveryDepthThatMatters() {
    let described = Set(Self.paths.map { $0.map(\.description).joined().replacing(/\[\d+\]/, with: "[]") })
    for expected in [
      "", ".imperatives[]", ".imperatives[].components[]", ".components[]", ".components[].phases",
      ".components[].phases.formulation", ".initiatives[]", ".initiatives[].milestones[]", ".agreements[]",
      ".agreements[].notes[]", ".meetings[]",
    ] {
      #expect(described.contains(expected), "no object at \(expected)")
    }
  }

  @Test func randomUnknownKeysSurviveLoadEditSave() async {
    await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 1...6)) { seed, count in
      var rng = SplitMix(state: UInt64(seed))
      var file = Self.base
      var inserted: [([Step], String, JSONValue)] = []
      for n in 0..<count {
        let path = Self.paths[Int(rng.next() % UInt64(Self.paths.count))]
        let key = "x-desconocida-\(n)"
        let value = Self.randomValue(&rng)
        file = Self.inserting(key, value, at: path, into: file)
        inserted.append((path, key, value))
      }
      do {
        var portfolio = try PortfolioCodec.decode(JSONWriter.bytes(file), path: "prueba.json").portfolio
        let target = portfolio.initiatives[Int(rng.next() % UInt64(portfolio.initiatives.count))].id
        _ = try portfolio.apply(.setProgress(id: target, value: 55, note: "edición", day: portfolio.reportDate))
        let saved = try JSON.parse(PortfolioCodec.encode(portfolio))
        for (path, key, value) in inserted {
          let where_ = path.map(\.description).joined()
          #expect(Self.value(saved, at: path)?[key] == value, "\(where_).\(key) was lost or changed")
        }
      } catch {
        Issue.record("\(error)")
      }
    }
  }
}
