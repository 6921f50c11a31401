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

    /// The width of a text in Arial/Helvetica (Liberation Sans has the same advance widths), from the advance
    /// widths of the Helvetica font metrics in 1/1000 em; characters not listed count as a digit, wide scripts as
    /// a full em. Close enough to place labels without overlap; the browser journey measures the result.
    static func width(_ text: String, fontSize: Double = 12) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar) }
        return Double(units) * fontSize / 1000
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case " ", ",", ".", ":", ";", "!", "/", "\\", "'", "|", "i", "j", "l", "I", "f", "t", "[", "]": 278
        case "r", "(", ")", "-", "\"", "*": 333
        case "m", "M", "%": 833
        case "w", "W", "–", "—": scalar == "W" ? 944 : 722
        case "A"..."Z": scalar == "J" ? 500 : "CDGHNOQRUÄÖÜ".unicodeScalars.contains(scalar) ? 722 : 667
        case "c", "k", "s", "v", "x", "y", "z": 500
        case "a"..."z", "0"..."9", "ä", "ö", "ü", "ß", "€", "$", "#", "?", "_": 556
        default: scalar.value >= 0x2E80 ? 1000 : 556
        }
    }
}
