public import Logging

/// A log handler that turns each event into one line for ``LogOutput``: what ``TextLogHandler`` and
/// ``JSONLogHandler`` share — the metadata a logger carries, making every logger of the process use it, and writing
/// warnings and errors at once.
public protocol LineLogHandler: LogHandler {
    init(label: String)
    /// The line `event` is written as, with its line break.
    func line(for event: LogEvent) -> [UInt8]
}

extension LineLogHandler {
    /// Makes every logger of the process write these lines.
    public static func bootstrap() {
        LoggingSystem.bootstrap { Self(label: $0) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        LogOutput.standardOutput.write(line(for: event), urgent: event.level >= .warning)
    }

    /// The logger's metadata with the event's (which win), and the event's error.
    func fields(of event: LogEvent) -> Logger.Metadata {
        var fields = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        if let error = event.error { fields["error"] = .string("\(error)") }
        return fields
    }
}
