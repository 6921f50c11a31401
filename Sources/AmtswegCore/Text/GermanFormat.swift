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

    public static func percent(_ share: Double) -> String { decimal(share * 100, digits: 0) + " %" }
}
