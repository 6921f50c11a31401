/// How wide a text is drawn in Arial/Helvetica (Liberation Sans has the same advance widths), from the advance
/// widths of the Helvetica font metrics in 1/1000 em. Characters not listed count as a digit, wide scripts as a
/// full em. Close enough to place and wrap labels in the drawings; the browser journey measures the result.
public enum TextMetrics {
    /// The width in the unit of `fontSize` (pixels for a pixel size); bold is about a tenth wider.
    public static func width<S: StringProtocol>(_ text: S, fontSize: Double) -> Double {
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
