import AmtswegSupport
import AmtswegXML
public import Foundation

/// Reads XES (IEEE 1849) event logs, plain or gzip-compressed, from an event stream — never a document tree —
/// into a columnar ``EventLog``.
///
/// A byte-level fast path (``XESScanner``) reads the usual shape of XES; anything else goes through the
/// general XML parser. Tolerant as pm4py is: any namespace (the standard's, with or without trailing slash, or none); attributes
/// of every XES type, nested ones too; traces without `concept:name` get their position as case id. The
/// standard extensions give activity (`concept:name`), timestamp (`time:timestamp`), resource (`org:resource`)
/// and lifecycle (`lifecycle:transition`). Hostile input is refused by the XML layer (no DTD entities, size
/// and depth limits) and here (a timestamp that is not a date), always with file, line and column.
public enum XESReader {
    /// Decompressed logs may be at most this large.
    public static let defaultMaxBytes = 4 << 30

    public static func read(contentsOf url: URL, maxBytes: Int = defaultMaxBytes) throws(MiningError) -> EventLog {
        let data = try MiningError.contents(of: url)
        return try read(data, file: url.path, maxBytes: maxBytes)
    }

    public static func read(_ data: Data, file: String, maxBytes: Int = defaultMaxBytes) throws(MiningError) -> EventLog
    {
        guard data.count <= maxBytes else {
            throw MiningError(file: file, message: "Die Datei ist größer als erlaubt (\(maxBytes) Bytes).")
        }
        // The fast path for the usual shape of XES, streaming through gzip; the general XML parser for
        // everything else and for errors.
        if let log = try scanFast(data, file: file, maxBytes: maxBytes) { return log }
        return try readWithXMLParser(data, file: file, maxBytes: maxBytes)
    }

    /// The general path on its own: every XES the standard allows, through the XML pull parser. ``read(_:file:maxBytes:)``
    /// takes it where the fast path gives up; the fuzzer (`fuzz/`) drives it directly too, so both paths are
    /// searched for crashes whatever the fast path accepts.
    public static func readWithXMLParser(_ data: Data, file: String, maxBytes: Int = defaultMaxBytes)
        throws(MiningError) -> EventLog
    {
        guard data.count <= maxBytes else {
            throw MiningError(file: file, message: "Die Datei ist größer als erlaubt (\(maxBytes) Bytes).")
        }
        if Gzip.isCompressed(data) {
            // The fallback holds the inflated text in memory: measure it first, as a stream, so that a bomb is
            // refused without ever being held.
            do {
                try Gzip.inflate(data, file: file, limit: maxBytes) { _ in }
            } catch let error as MiningError {
                throw error
            } catch {
                throw MiningError(file: file, message: "\(error)")
            }
        }
        let xml = Gzip.isCompressed(data) ? try Gzip.decompress(data, file: file, limit: maxBytes) : data
        var assembler = XESLogAssembler(file: file)
        do {
            var parser = try XMLPullParser(data: xml, file: file, limits: XMLLimits(maxBytes: maxBytes, maxDepth: 64))
            while let event = try parser.next() {
                switch event {
                case .startElement(let start):
                    func attribute(_ name: String) -> String {
                        start.attributes.first { $0.name.localName == name && $0.name.prefix == nil }?.value ?? ""
                    }
                    try assembler.open(
                        XESElement(localName: start.name.localName), key: attribute("key"), text: attribute("value"),
                        date: nil, line: start.line, column: start.column)
                case .endElement(let name):
                    try assembler.close(XESElement(localName: name.localName))
                default:
                    break
                }
            }
        } catch let error as XMLError {
            throw MiningError(file: file, line: error.line, column: error.column, message: error.message)
        } catch let error as MiningError {
            throw error
        } catch {
            throw MiningError(file: file, message: "\(error)")
        }
        guard assembler.sawLog else {
            throw MiningError(file: file, message: "Das ist keine XES-Datei (kein <log>-Element).")
        }
        return assembler.builder.build()
    }

    /// Reads with ``XESScanner`` in segments on every core (``XESSegmentedScan``), from windows of the
    /// decompressed stream; `nil` where the scanner gives up.
    private static func scanFast(_ data: Data, file: String, maxBytes: Int) throws(MiningError) -> EventLog? {
        let scan = XESSegmentedScan(file: file)
        var data = data
        if Gzip.isCompressed(data) && Parallelism.isSingleThreaded {
            // One thread: inflate first, then scan (the pipe inflates on a thread of its own beside the scan).
            data = try Gzip.decompress(data, file: file, limit: maxBytes)
        } else if Gzip.isCompressed(data) {
            let pipe = InflatingPipe(data, file: file, limit: maxBytes)
            defer { pipe.close() }
            return try scan.read { () throws(MiningError) in try pipe.next() }
        }
        var offset = data.startIndex
        return try scan.read { () throws(MiningError) -> [UInt8]? in
            guard offset < data.endIndex else { return nil }
            let end = min(offset + (1 << 20), data.endIndex)
            defer { offset = end }
            return [UInt8](data[offset..<end])
        }
    }
}
