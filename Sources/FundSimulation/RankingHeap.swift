/// Which ranking the workspace's heap holds: ADL events of one batch share it.
struct RankingCache {
  var market = -1
  var side = Side.long
  var step = -1
  var mark = Double.nan
  /// Entries still in the heap.
  var count = 0

  func matches(market: Int, side: Side, step: Int, mark: Double) -> Bool {
    self.market == market && self.side == side && self.step == step && self.mark == mark
  }
}

/// A binary max-heap over (score, rung) pairs in caller-owned buffers: highest score first,
/// ties to the lower rung (ladder order), so ADL picks are deterministic. Building it is
/// O(n) and each pick O(log n), so an event that hits k positions costs O(n + k log n)
/// instead of a full sort.
struct RankingHeap {
  let score: UnsafeMutablePointer<Double>
  let rung: UnsafeMutablePointer<Int>
  private(set) var count: Int

  init(score: UnsafeMutablePointer<Double>, rung: UnsafeMutablePointer<Int>, count: Int) {
    self.score = score
    self.rung = rung
    self.count = count
    var i = count / 2 - 1
    while i >= 0 {
      siftDown(i)
      i -= 1
    }
  }

  /// Wraps buffers that already hold a heap of `count` entries.
  init(heapified score: UnsafeMutablePointer<Double>, rung: UnsafeMutablePointer<Int>, count: Int) {
    self.score = score
    self.rung = rung
    self.count = count
  }

  /// The rung ranked first, left in the heap.
  var first: Int? { count > 0 ? rung[0] : nil }

  /// Removes the rung ranked first.
  mutating func removeFirst() {
    guard count > 0 else { return }
    count -= 1
    if count > 0 {
      score[0] = score[count]
      rung[0] = rung[count]
      siftDown(0)
    }
  }

  @inline(__always)
  private func precedes(_ a: Int, _ b: Int) -> Bool {
    score[a] != score[b] ? score[a] > score[b] : rung[a] < rung[b]
  }

  private mutating func siftDown(_ start: Int) {
    var i = start
    while true {
      let left = 2 * i + 1
      guard left < count else { return }
      var best = left
      if left + 1 < count && precedes(left + 1, left) { best = left + 1 }
      guard precedes(best, i) else { return }
      swapAt(i, best)
      i = best
    }
  }

  private func swapAt(_ a: Int, _ b: Int) {
    (score[a], score[b]) = (score[b], score[a])
    (rung[a], rung[b]) = (rung[b], rung[a])
  }

}
