/// `report.md`: the human summary of a run, rendered from ``ReportDocument``.
///
/// Numbers are rounded for reading (``ReadableNumber``); the exact values are in the CSVs
/// and `run.json`. Charts are linked as the SVG files beside the report.
public enum MarkdownReport {
  /// File names of the charts linked from the report.
  public static let fanChartFile = ReportDocument.fanChartFile
  public static let pnlHistogramFile = ReportDocument.pnlHistogramFile
  public static let marketSharesFile = ReportDocument.marketSharesFile

  /// The Markdown document of a run.
  ///
  /// - Complexity: O(metrics + markets + scenario lines).
  public static func render(_ summary: RunSummary, context: ReportContext) -> String {
    render(ReportDocument.run(summary, context: context))
  }

  /// The Markdown text of a document: GitHub-flavoured tables, `>` for alerts, images
  /// linked relative to the report.
  ///
  /// - Complexity: O(size of the document).
  public static func render(_ document: ReportDocument) -> String {
    var lines: [String] = []
    for block in document.blocks {
      switch block {
      case .title(let text): lines.append("# " + text)
      case .heading(let text): lines.append("## " + text)
      case .alert(let text): lines.append("> ⚠ " + text)
      case .paragraph(let text): lines.append(text)
      case .bullets(let items): lines.append(contentsOf: items.map { "- " + ReportDocument.inline($0) })
      case .table(let table):
        lines.append("| " + table.header.map(cell).joined(separator: " | ") + " |")
        lines.append("|" + table.rightAligned.map { $0 ? "--:|" : "---|" }.joined())
        for row in table.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
      case .chart(let file, let alt, _): lines.append("![\(alt)](\(file))")
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  /// Text safe inside a table cell (`|` escaped, line breaks flattened).
  static func cell(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "|": result += "\\|"
      case "\n", "\r", "\r\n": result += " "
      default: result.append(character)
      }
    }
    return result
  }
}
