import Foundation

/// Why a log or model could not be read, with the place in the file.
public struct MiningError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

extension MiningError {
    /// Reads a whole file (memory-mapped where the system allows), or says why not.
    static func contents(of url: URL) throws(MiningError) -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw MiningError(
                file: url.path, message: "Die Datei lässt sich nicht lesen (\(error.localizedDescription)).")
        }
    }
}
