import AmtswegSupport
import AmtswegXML

/// What the server's own drawings (charts, networks) need to write SVG: escaped text and short numbers.
enum SVGText {
    static func escape(_ text: String) -> String { XMLText.escaped(text) }

    /// A coordinate with one decimal ("127.7", "12.0"), written by hand: `String(format:)` goes through
    /// Foundation's formatter and was a tenth of the roadmap page's time.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return value.isFinite ? String(value) : "0.0" }
        let whole = Int(tenths)
        let magnitude = whole.magnitude
        return (whole < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// The width of a text in the charts' font (see ``TextMetrics``).
    static func width(_ text: String, fontSize: Double = 12) -> Double { TextMetrics.width(text, fontSize: fontSize) }
}
