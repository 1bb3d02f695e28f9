import Foundation
import Testing
import TableroCore

/// Whatever a file holds, loading gives a clear error or a portfolio, never a crash, and
/// never writes to the file.
@Suite struct HostileInputTests {
  static let seed = Array(EmbeddedPortfolios.json(.seed).utf8)

  static func decode(_ bytes: [UInt8]) -> Result<LoadedPortfolio, StoreError> {
    do { return .success(try PortfolioCodec.decode(bytes, path: "x.json")) } catch { return .failure(error) }
  }

  static func errorText(_ bytes: [UInt8]) -> String {
    switch decode(bytes) {
    case .success: return ""
    case .failure(let error): return error.describe(.es)
    }
  }

  @Test func everyTruncationFailsWithAMessage() {
    // Every 97th prefix keeps the test quick while covering all structures of the file.
    for length in stride(from: 1, to: Self.seed.count - 2, by: 97) {
      let text = Self.errorText(Array(Self.seed[0..<length]))
      #expect(text.hasPrefix("x.json: "), "prefix \(length)")
    }
  }

  @Test func syntaxErrorNamesLineAndColumn() {
    let text = Self.errorText(Array("{\n  \"formatVersion\": 1\n  \"name\": \"x\"\n}".utf8))
    #expect(text == "x.json: línea 3, columna 3: carácter inesperado \"\"\"; se esperaba \",\" o \"}\"")
  }

  @Test(arguments: [
    ([0xEF, 0xBB, 0xBF] + Array("{}".utf8), "BOM"),
    ([0x7B, 0xFF, 0xFE, 0x7D], "UTF-8"),
    ([0x00, 0x7B, 0x00, 0x7D], "NUL"),
    (Array(String(repeating: "[", count: 100_000).utf8), "anidamiento"),
    (Array("1e999999".utf8), "se esperaba un objeto"),
    (Array("\"\\ud800\"".utf8), "sustituto"),
    (Array("[1,]".utf8), "coma"),
  ] as [([UInt8], String)])
  func hostileBytesGetSpecificMessages(bytes: [UInt8], fragment: String) {
    let text = Self.errorText(bytes)
    #expect(text.contains(fragment), "\(text)")
  }

  @Test func binaryGarbageNeverCrashes() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      if case .success = Self.decode(bytes) { Issue.record("garbage decoded as a portfolio") }
    }
  }

  @Test func mutatedSeedNeverCrashes() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var bytes = Self.seed
      for _ in 0..<3 {
        let i = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[i] = [0x22, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x30, 0x2D, 0x6E][Int.random(in: 0..<10, using: &generator)]
      }
      _ = Self.decode(bytes)
    }
  }

  @Test func wrongTypesAreAllListedWithPaths() {
    let text = """
      {"formatVersion": 1, "name": 5, "reportDate": "2011-02-30", "tolerance": 10,
       "imperatives": [{"id": "A", "name": "A", "components": [{"component": "NOPE", "weight": -1}]}],
       "components": [{"id": "C", "name": "C", "start": "2012-01-01", "end": "2011-01-01"}],
       "initiatives": [{"id": "C", "name": "dup", "component": "C", "horizon": "long",
                        "start": "2012-01-01", "end": "2012-02-01", "actualProgress": 150},
                       {"id": "I2", "name": "x", "component": "Z", "horizon": "short",
                        "start": "2012-01-01", "end": "2012-02-01", "actualProgress": "40"}]}
      """
    guard case .failure(.invalid(_, let issues)) = Self.decode(Array(text.utf8)) else {
      Issue.record("expected invalid")
      return
    }
    let lines = issues.map { $0.describe(.es) }
    #expect(lines.contains("error en $.name: se esperaba un texto y hay un número"))
    #expect(lines.contains("error en $.reportDate: fecha no válida \"2011-02-30\" (se espera AAAA-MM-DD, una fecha que exista)"))
    #expect(lines.contains("error en $.initiatives[0].horizon: valor \"long\" no válido (se admite: short, medium)"))
    #expect(lines.contains("error en $.initiatives[1].actualProgress: se esperaba un número y hay un texto"))
  }

  @Test func semanticErrorsAreAllListedWithPaths() {
    let text = """
      {"formatVersion": 1, "name": "x", "reportDate": "2011-09-01", "tolerance": 10,
       "imperatives": [{"id": "A", "name": "A", "components": [{"component": "NOPE", "weight": -1}]}],
       "components": [{"id": "C", "name": "C", "start": "2012-01-01", "end": "2011-01-01"}],
       "initiatives": [{"id": "C", "name": "dup", "component": "C", "horizon": "short",
                        "start": "2012-01-01", "end": "2012-02-01", "actualProgress": 150},
                       {"id": "I2", "name": "x", "component": "Z", "horizon": "short",
                        "start": "2012-01-01", "end": "2012-02-01"}]}
      """
    guard case .failure(.invalid(_, let issues)) = Self.decode(Array(text.utf8)) else {
      Issue.record("expected invalid")
      return
    }
    let lines = issues.map { $0.describe(.es) }
    #expect(lines.contains("error en $.tolerance: la desviación aceptable debe ser negativa (hay 10%)"))
    #expect(lines.contains("error en $.imperatives[0].components[0].component: no existe el componente \"NOPE\""))
    #expect(lines.contains("error en $.imperatives[0].components[0].weight: la ponderación -1 es negativa"))
    #expect(lines.contains("error en $.components[0].end: fecha de fin 01/01/2011 anterior al inicio 01/01/2012"))
    #expect(lines.contains("error en $.initiatives[0].id: el identificador \"C\" ya se usa en $.components[0]"))
    #expect(lines.contains("error en $.initiatives[0].actualProgress: el avance 150% está fuera de 0–100"))
    #expect(lines.contains("error en $.initiatives[1].component: no existe el componente \"Z\""))
  }

  @Test func unsupportedVersionIsClear() {
    let text = Self.errorText(Array(#"{"formatVersion": 4, "name": "x"}"#.utf8))
    #expect(text.contains("versión de formato 4 no soportada"))
  }

  @Test func failedLoadNeverWritesTheFile() throws {
    let folder = try TempFolder()
    let bad = Array("{\"formatVersion\": 1,".utf8)
    let path = try folder.write("bad.json", bad)
    #expect(throws: StoreError.self) { try PortfolioStore.load(from: path) }
    #expect(try folder.read("bad.json") == bad)
  }
}
