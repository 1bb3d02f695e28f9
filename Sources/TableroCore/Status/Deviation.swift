/// Desviación = (real − esperado) / esperado, in percent; nil when nothing is expected yet.
public enum Deviation {
  public static func percent(actual: Double, expected: Double) -> Double? {
    guard expected > 0 else { return nil }
    return (actual - expected) / expected * 100
  }
}
