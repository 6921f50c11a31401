public import Logging

/// The server's log lines as text for people (`amtsweg serve`, the default format): time (UTC), level, logger
/// label, message and the metadata as `key=value`, sorted by key — among it `hb.request.id`, which ties every
/// line of one request together. Written through ``LogOutput``.
public struct TextLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String

    public init(label: String) { self.label = label }

    /// Makes every logger of the process write these lines.
    public static func bootstrap() {
        LoggingSystem.bootstrap { TextLogHandler(label: $0) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        LogOutput.standardOutput.write(line(for: event), urgent: event.level >= .warning)
    }

    /// The line `event` is written as, with its line break.
    func line(for event: LogEvent) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(160)
        LogTimestamp.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: label.utf8)
        line.append(contentsOf: ": ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        var all = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        if let error = event.error { all["error"] = .string("\(error)") }
        for key in all.keys.sorted() {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            if case .string(let text) = all[key]! {
                line.append(contentsOf: text.utf8)
            } else {
                line.append(contentsOf: all[key]!.description.utf8)
            }
        }
        line.append(0x0A)
        return line
    }
}
