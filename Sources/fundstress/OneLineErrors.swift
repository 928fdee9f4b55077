import ArgumentParser
import Foundation

/// Runs `body`, printing any error other than an exit code as one line on standard error
/// (`fundstress: error: …`) and exiting with status 1.
func withOneLineErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    let text = "\(error)".replacingOccurrences(of: "\n", with: " ")
    FileHandle.standardError.write(Data("fundstress: error: \(text)\n".utf8))
    throw ExitCode.failure
  }
}
