public import AmtswegXML

/// Why a file could not be read as BPMN, with file, line and column where there is one.
public struct BPMNError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The XML problem underneath, when the file is not well-formed or hostile.
    public var xmlError: XMLError?

    public init(file: String, line: Int, column: Int, message: String, xmlError: XMLError? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.xmlError = xmlError
    }

    init(_ error: XMLError) {
        self.init(file: error.file, line: error.line, column: error.column, message: error.message, xmlError: error)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
