/// "Did you mean …?" for misspelt keys, enum values and market symbols.
public enum Suggestion {
  /// The edit distance between `a` and `b` (optimal string alignment): the fewest
  /// single-character insertions, deletions, substitutions and swaps of two neighbouring
  /// characters that turn one into the other (`depht` → `depth` is 1).
  ///
  /// - Complexity: O(`a.count` × `b.count`) time and memory (keys are short).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  /// The candidate `word` most likely stands for, or `nil` when none is close.
  ///
  /// Case, `_` and `-` are ignored first (`maintenanceMargin` → `maintenance_margin`,
  /// `btc` → `BTC`); otherwise the nearest candidate within an edit distance of about a
  /// third of the word's length (at least 1, at most 3) is taken.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    func normalised(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }
    let target = normalised(word)
    if let same = candidates.first(where: { normalised($0) == target }) { return same }
    let limit = min(3, max(1, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(target, normalised(candidate))
      if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// A fix sentence: `did you mean 'x'?` when a candidate is close, else the list of
  /// candidates introduced by `listIntro` (e.g. "allowed keys are").
  static func fix(for word: String, among candidates: [String], listIntro: String) -> String {
    if let match = closest(to: word, among: candidates) { return "did you mean '\(match)'?" }
    return "\(listIntro) \(candidates.joined(separator: ", "))"
  }
}
