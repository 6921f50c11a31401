import AmtswegCore
import AmtswegInterchange
import AmtswegStore
import BPMN
import ProcessMining
import ArgumentParser
import Foundation

/// A message for the user that ends the command with a failure.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body and turns every known error into a message on stderr and a non-zero exit,
/// so that users see causes, not Swift error dumps.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        let message: String =
            switch error {
            case let error as CLIError: error.description
            case let error as StoreError: error.description
            case let error as InterchangeError: error.description
            case let error as CSVImportError: error.description
            case let error as BPMNError: error.description
            case let error as MiningError: error.description
            default: "\(error)"
            }
        FileHandle.standardError.write(Data(("amtsweg: " + message + "\n").utf8))
        throw ExitCode.failure
    }
}

/// Writes bytes to a file, or to stdout for "-".
func write(_ data: Data, to path: String) throws {
    if path == "-" {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CLIError("\(path): Die Datei lässt sich nicht schreiben (\(error.localizedDescription)).")
    }
}

/// Reads a whole file, refusing one over `limit` bytes before reading it.
func readFile(_ path: String, limit: Int = 1 << 30) throws -> Data {
    guard FileManager.default.fileExists(atPath: path) else { throw CLIError("\(path): Die Datei gibt es nicht.") }
    if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > limit {
        throw CLIError("\(path): Die Datei ist mit \(size) Bytes größer als erlaubt (\(limit) Bytes).")
    }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw CLIError("\(path): Die Datei lässt sich nicht lesen (\(error.localizedDescription)).")
    }
}
