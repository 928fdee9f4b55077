/// A minimal writer of standalone SVG 1.1 documents for the report's charts.
///
/// Everything is expressed in presentation attributes (no CSS, no scripts, no external
/// fonts), so the files render the same in browsers, GitHub's Markdown preview and
/// image viewers, and they are well-formed XML: text and attribute values are escaped,
/// coordinates are finite decimals with at most two fractional digits.
public struct SVGCanvas: Sendable {
  public let width: Double
  public let height: Double
  private var elements: [String] = []

  /// - Parameters:
  ///   - title: the accessible title (`<title>`), shown as a tooltip by most viewers.
  public init(width: Double, height: Double, title: String) {
    self.width = width
    self.height = height
    elements.append("<title>\(Self.escape(title))</title>")
    elements.append(
      "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>")
  }

  /// A rectangle. `opacity` is the fill opacity.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, stroke: String? = nil
  ) {
    var element = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\""
    element += " height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\""
    if opacity < 1 { element += " fill-opacity=\"\(Self.number(opacity))\"" }
    if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
    elements.append(element + "/>")
  }

  /// A straight line; `dash` is an SVG dash array such as `"6 4"`.
  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil
  ) {
    var element = "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\""
    element += " y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
    if let dash { element += " stroke-dasharray=\"\(dash)\"" }
    elements.append(element + "/>")
  }

  /// An open polyline through `points`.
  public mutating func polyline(
    _ points: [(x: Double, y: Double)], stroke: String, width: Double = 1.5, dash: String? = nil
  ) {
    guard points.count >= 2 else { return }
    var element = "<polyline points=\"\(Self.pointList(points))\" fill=\"none\" stroke=\"\(stroke)\""
    element += " stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\""
    if let dash { element += " stroke-dasharray=\"\(dash)\"" }
    elements.append(element + "/>")
  }

  /// A filled polygon (used for the fan chart's bands).
  public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double = 1) {
    guard points.count >= 3 else { return }
    var element = "<polygon points=\"\(Self.pointList(points))\" fill=\"\(fill)\" stroke=\"none\""
    if opacity < 1 { element += " fill-opacity=\"\(Self.number(opacity))\"" }
    elements.append(element + "/>")
  }

  /// Text anchored at `(x, y)` (baseline). `anchor` is `start`, `middle` or `end`;
  /// `rotation` in degrees about the anchor point.
  public mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, bold: Bool = false,
    fill: String = "#222222", rotation: Double = 0
  ) {
    var element = "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\""
    element += " font-size=\"\(Self.number(size))\" fill=\"\(fill)\""
    if bold { element += " font-weight=\"bold\"" }
    if rotation != 0 {
      element += " transform=\"rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))\""
    }
    elements.append(element + ">\(Self.escape(content))</text>")
  }

  /// The complete document.
  public func render() -> String {
    var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    document += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
    document += " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
    document += " viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
    document += " font-family=\"Helvetica, Arial, sans-serif\">\n"
    for element in elements { document += "  " + element + "\n" }
    return document + "</svg>\n"
  }

  /// A coordinate: rounded to 0.01, without a trailing `.0`; non-finite values become 0.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let rounded = (value * 100).rounded() / 100 + 0
    if rounded == rounded.rounded(), rounded.magnitude < 1e15 { return String(Int(rounded)) }
    return rounded.description
  }

  /// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attributes.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }

  private static func pointList(_ points: [(x: Double, y: Double)]) -> String {
    points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
  }
}
