import AmtswegCore
import Foundation

/// Numbers as German spreadsheets write them: "0,5" and "1.200" as well as "0.5" and "1200".
enum GermanNumber {
    /// A decimal: a comma is the decimal separator when present (dots are then thousands separators);
    /// otherwise a dot is.
    static func decimal(_ text: String) -> Double? {
        var text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{00A0}", with: "")
        if text.contains(",") {
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard !text.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A whole number; "1.200" and "1 200" are twelve hundred, "12,0" is twelve.
    static func integer(_ text: String) -> Int? {
        let plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: " ", with: "")
        if let value = Int(plain) { return value }
        if isGroupedThousands(plain, separator: ".") { return Int(plain.replacingOccurrences(of: ".", with: "")) }
        if let value = decimal(plain), value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        return nil
    }

    private static func isGroupedThousands(_ text: String, separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isNumber) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
