import Foundation

/// German number formatting for reports, pages and problem texts, independent of the machine's locale: "38.500", "0,42", "42 %".
public enum GermanFormat {
    public static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    public static func decimal(_ value: Double, digits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? sign + integer(whole) : sign + integer(whole) + "," + fraction
    }

    /// Elapsed time, short enough for a label: "40 min", "5,5 h", "3,2 Tage" (`days` names the unit of the
    /// last, for another language or for saying "Kalendertage").
    public static func elapsed(seconds: Double, days: String = "Tage") -> String {
        if seconds < 3600 { return decimal(seconds / 60, digits: 0) + " min" }
        if seconds < 2 * 86_400 { return decimal(seconds / 3600, digits: 1) + " h" }
        return decimal(seconds / 86_400, digits: 1) + " " + days
    }

    public static func percent(_ share: Double) -> String { decimal(share * 100, digits: 0) + " %" }

    /// "26.03.2026", as German pages write a day.
    public static func date(_ day: Day) -> String {
        let dd = day.day < 10 ? "0\(day.day)" : "\(day.day)", mm = day.month < 10 ? "0\(day.month)" : "\(day.month)"
        return "\(dd).\(mm).\(day.year)"
    }

    /// Reads a number as people type it in German forms: "12,5", "1.234,5", "1.234" (thousands) or "12.5".
    public static func parseDecimal(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 40 else { return nil }
        var normalised = trimmed
        if trimmed.contains(",") {
            normalised = trimmed.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if trimmed.range(of: #"^-?\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil {
            normalised = trimmed.replacingOccurrences(of: ".", with: "")
        }
        guard let value = Double(normalised), value.isFinite else { return nil }
        return value
    }
}
