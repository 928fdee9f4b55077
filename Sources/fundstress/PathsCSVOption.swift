import ArgumentParser
import FundReports

/// `--paths-csv full|gzip|none`.
extension PathsCSVMode: ExpressibleByArgument {}
