import Foundation

/// `report.html`: the same report as `report.md` (the same ``ReportDocument``) as one
/// self-contained HTML5 file, for mail and phones.
///
/// Self-contained: the charts are inline SVG, the style sheet is inline, there are no
/// scripts, fonts, images or links to anything outside the file, so it renders the same
/// offline, as a mail attachment or printed. Readable on a phone: a viewport meta tag,
/// a fluid column, tables that scroll sideways inside their own box, charts that shrink
/// to the screen's width. Printable: no scroll boxes on paper and no chart split across
/// pages.
///
/// The markup is also well-formed XML (void elements self-closed, only the `&amp;`,
/// `&lt;`, `&gt;`, `&quot;` and `&apos;` references), so it can be checked mechanically.
public enum HTMLReport {
  /// The style sheet (no `<`, `>` or `&`, so it is safe inside `<style>` as XML too).
  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;\
    line-height:1.45;max-width:60rem;margin:0 auto;padding:0.75rem 1rem}
    h1{font-size:1.5rem;margin:0.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 0.5rem;border-bottom:1px solid #ddd}
    .table{overflow-x:auto;margin:0.5rem 0}
    table{border-collapse:collapse;font-size:0.9rem}
    th,td{padding:0.25rem 0.6rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
    th{background:#f5f5f5}
    .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:0.85em}
    figure{margin:0.5rem 0}figure svg{width:100%;height:auto;max-width:800px}
    .alert{border-left:4px solid #d62728;background:#fdecea;padding:0.5rem 1rem}
    @media print{body{max-width:none;padding:0}.table{overflow:visible}figure,table{break-inside:avoid}}
    """

  /// The HTML document of a run.
  ///
  /// - Complexity: O(size of the report, charts included).
  public static func render(_ summary: RunSummary, context: ReportContext) -> String {
    render(ReportDocument.run(summary, context: context))
  }

  /// The HTML text of a document.
  ///
  /// - Complexity: O(size of the document).
  public static func render(_ document: ReportDocument) -> String {
    var title = "fundstress report"
    if case .title(let text)? = document.blocks.first { title = text }
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    html += "<title>\(escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
    for block in document.blocks {
      html += render(block) + "\n"
    }
    return html + "</body>\n</html>\n"
  }

  static func render(_ block: ReportDocument.Block) -> String {
    switch block {
    case .title(let text): return "<h1>\(inline(text))</h1>"
    case .heading(let text): return "<h2>\(inline(text))</h2>"
    case .alert(let text): return "<p class=\"alert\" role=\"alert\">\(inline(text))</p>"
    case .paragraph(let text): return "<p>\(inline(text))</p>"
    case .bullets(let items): return "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>"
    case .table(let table): return render(table)
    case .chart(_, let alt, let svg):
      return "<figure role=\"img\" aria-label=\"\(escape(alt))\">\n\(inlineSVG(svg))</figure>"
    }
  }

  static func render(_ table: ReportTable) -> String {
    func cells(_ row: [String], tag: String) -> String {
      zip(row, table.rightAligned).map { text, right in
        "<\(tag)\(right ? " class=\"num\"" : "")>\(inline(text))</\(tag)>"
      }.joined()
    }
    var html = "<div class=\"table\"><table>\n"
    if table.header.contains(where: { !$0.isEmpty }) {
      html += "<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>\n"
    }
    html += "<tbody>\n"
    for row in table.rows { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
    return html + "</tbody></table></div>"
  }

  /// An SVG document without its XML declaration, for embedding.
  static func inlineSVG(_ svg: String) -> String {
    guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>\n") else { return svg }
    return String(svg[end.upperBound...])
  }

  /// Inline text: `` `code` `` and `**strong**` spans as elements (a `<wbr/>` after each `_`
  /// in code), the rest escaped.
  static func inline(_ text: String) -> String {
    var html = ""
    for (index, piece) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if index % 2 == 1 {
        // A line may break after an underscore (long metric names on a phone).
        html += "<code>\(escape(String(piece)).replacingOccurrences(of: "_", with: "_<wbr/>"))</code>"
      } else {
        let parts = piece.components(separatedBy: "**")
        for (part, text) in parts.enumerated() {
          let open = part % 2 == 1 && part < parts.count - 1
          html += open ? "<strong>\(escape(text))</strong>" : escape(text)
        }
      }
    }
    return html
  }

  /// Escapes text and attribute values (``SVGCanvas/escape(_:)``: `&<>"'`).
  static func escape(_ text: String) -> String { SVGCanvas.escape(text) }
}
