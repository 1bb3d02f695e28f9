/// Plazo of an initiative: Cuadros 3–5 are short term (2011–2012), Cuadro 6 medium term (2012–2016).
public enum Horizon: String, CaseIterable, Sendable {
  case short
  case medium
}
