/// An XProzess message Amtsweg cannot take: which file, which element at which line, and why.
public struct XProzessError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var element: String
    public var message: String

    public init(file: String, line: Int?, element: String, message: String) {
        self.file = file
        self.line = line
        self.element = element
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(element.isEmpty ? "" : "<\(element)>: ")\(message)"
    }
}
