public import Logging

/// The server's log lines as text for people (`amtsweg serve`, the default format): time (UTC), level, logger
/// label, message and the metadata as `key=value`, sorted by key — among it `hb.request.id`, which ties every
/// line of one request together. Written through ``LogOutput``.
public struct TextLogHandler: LineLogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String

    public init(label: String) { self.label = label }

    public func line(for event: LogEvent) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(160)
        LogTimestamp.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: label.utf8)
        line.append(contentsOf: ": ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        for (key, value) in fields(of: event).sorted(by: { $0.key < $1.key }) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            if case .string(let text) = value {
                line.append(contentsOf: text.utf8)
            } else {
                line.append(contentsOf: value.description.utf8)
            }
        }
        line.append(0x0A)
        return line
    }
}
