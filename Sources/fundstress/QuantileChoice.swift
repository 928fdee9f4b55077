import ArgumentParser
import FundReports

/// `--quantiles auto|exact|sketch`: how `run` and `merge` keep the per-path values behind
/// VaR, ES and the drawdown quantile (``QuantileMode``).
enum QuantileChoice: String, ExpressibleByArgument, CaseIterable {
  /// Exact up to ``QuantileMode/exactLimit`` paths, the bounded-memory sketch above.
  case auto
  case exact
  case sketch

  static let help = ArgumentHelp(
    "VaR/ES/drawdown quantiles: exact (16 bytes a path), sketch (bounded memory, relative error ≤ 0.1%), or auto "
      + "(exact up to \(QuantileMode.exactLimit) paths).")

  /// The mode of a run of `paths` paths.
  func mode(paths: Int) -> QuantileMode {
    switch self {
    case .auto: .automatic(paths: paths)
    case .exact: .exact
    case .sketch: .sketch
    }
  }
}
