import PricePaths

/// Price paths as CSV for `fundstress paths`: `path,step,<SYM>,<SYM>,…`, one row per kept
/// step with the workspace's prices (`PathWorkspace.price`: `exp(log price)`, and the exact
/// initial price at step 0), numbers per ``CSVField``.
///
/// Steps are thinned by `every`: `0, k, 2k, …` plus the last step `T` when it is not a
/// multiple of `k`, so the initial and the final prices are always present. A file of
/// path 0 with `every = 1`, minus the `path` column, is a valid `replay:` file.
public enum PriceTable {
  /// The header record for the given market symbols, `\n`-terminated.
  public static func header(symbols: [String]) -> String {
    CSVField.record(["path", "step"] + symbols.map(CSVField.quoted))
  }

  /// The steps written for a horizon of `steps` steps thinned by `every`.
  ///
  /// - Precondition: `every ≥ 1`, `steps ≥ 0`.
  public static func keptSteps(steps: Int, every: Int) -> [Int] {
    precondition(every >= 1 && steps >= 0, "invalid thinning")
    var kept = Array(stride(from: 0, through: steps, by: every))
    if kept.last != steps { kept.append(steps) }
    return kept
  }

  /// Appends the rows of path `path` held in `workspace` (steps `0…workspace.steps`).
  ///
  /// - Complexity: O(kept steps × markets).
  public static func appendRows(path: Int, workspace: PathWorkspace, every: Int, to bytes: inout [UInt8]) {
    for step in keptSteps(steps: workspace.steps, every: every) {
      CSVField.append(path, to: &bytes)
      bytes.append(0x2C)
      CSVField.append(step, to: &bytes)
      for market in 0..<workspace.markets {
        bytes.append(0x2C)
        CSVField.append(workspace.price(step: step, market: market), to: &bytes)
      }
      bytes.append(0x0A)
    }
  }

  /// The first kept step (then market) whose price is not finite — `exp` of a log-price
  /// beyond 709.78 overflows to `inf` — or `nil` when every price the rows would hold is a
  /// number.
  ///
  /// - Complexity: O(kept steps × markets).
  public static func firstNonFinitePrice(workspace: PathWorkspace, every: Int) -> (step: Int, market: Int)? {
    for step in keptSteps(steps: workspace.steps, every: every) {
      for market in 0..<workspace.markets where !workspace.price(step: step, market: market).isFinite {
        return (step, market)
      }
    }
    return nil
  }

  /// Appends the rows of one path to a string.
  public static func appendRows(path: Int, workspace: PathWorkspace, every: Int, to text: inout String) {
    var bytes: [UInt8] = []
    appendRows(path: path, workspace: workspace, every: every, to: &bytes)
    text += String(decoding: bytes, as: UTF8.self)
  }
}
