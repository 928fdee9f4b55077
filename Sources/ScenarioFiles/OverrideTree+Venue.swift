import Yams

/// `--set venue=NAME` means "apply this venue's rules": the preset's keys already written
/// (in the file, or by an earlier `--set`) are taken out of the tree, so the preset's values
/// apply; a later `--set` of one of them still overrides the preset. In the file itself a
/// written key overrides the preset (docs/VENUES.md); an override is the newer choice.
///
/// Without this, `sweep --vary venue=…` over a scenario that writes `fund.waterfall` (every
/// scenario without a `venue:` must) would keep the file's mechanic under every venue.
extension OverrideTree {
  /// Removes the keys the preset named by `override` sets, recording each as
  /// `(key, "(venue preset)")`, when `override` sets `venue`.
  ///
  /// - Complexity: O(preset keys × keys of the `fund` and `adl` blocks and of the markets).
  mutating func releaseVenueKeys(for override: ScenarioOverride, values: inout [(path: String, value: String)]) {
    guard override.key == "venue", override.multiplier == nil,
      let preset = VenuePreset(rawValue: override.value.trimmingCharacters(in: .init(charactersIn: "'\" ")))
    else { return }
    for key in Set(preset.releasedKeys).sorted() {
      let segments = key.split(separator: ".").map(String.init)
      var removed = false
      replaceRoot(Self.removing(segments[...], from: root, removed: &removed))
      if removed { values.append((key, "(venue preset)")) }
    }
  }

  /// `node` without the key at `segments`; a segment `NAME[*]` goes into every item of the
  /// list at `NAME` (`markets[*].margin_tiers`).
  private static func removing(_ segments: ArraySlice<String>, from node: Node, removed: inout Bool) -> Node {
    guard let segment = segments.first, case .mapping(let mapping) = node else { return node }
    let everyItem = segment.hasSuffix("[*]")
    let name = everyItem ? String(segment.dropLast(3)) : segment
    var pairs: [(Node, Node)] = []
    for (key, value) in mapping {
      guard key.scalar?.string == name else {
        pairs.append((key, value))
        continue
      }
      if everyItem, case .sequence(let items) = value {
        let rest = segments.dropFirst()
        let kept = items.map { removing(rest, from: $0, removed: &removed) }
        pairs.append((key, .sequence(Node.Sequence(kept, items.tag, items.style, items.mark))))
      } else if everyItem {
        pairs.append((key, value))
      } else if segments.count == 1 {
        removed = true
      } else {
        pairs.append((key, removing(segments.dropFirst(), from: value, removed: &removed)))
      }
    }
    return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
  }
}
