import AmtswegSupport

/// Text broken into lines that fit a width, for boxes in drawings.
public enum TextLines {
    /// `text` in at most `lines` lines of at most `width` pixels at `fontSize` (Helvetica's advance widths),
    /// broken between words; what does not fit ends in "…".
    public static func wrap(_ text: String, width: Double, fontSize: Double, lines limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        func fits(_ line: String) -> Bool { TextMetrics.width(line, fontSize: fontSize) <= width }
        for word in text.split(whereSeparator: { $0 == " " }).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        let cut = lines.count > limit
        lines = Array(lines.prefix(limit))
        for (offset, line) in lines.enumerated() where !fits(line) || (cut && offset == lines.count - 1) {
            var shortened = line
            while !shortened.isEmpty, !fits(shortened + "…") { shortened.removeLast() }
            lines[offset] = shortened + "…"
        }
        return lines.isEmpty ? [""] : lines
    }
}
