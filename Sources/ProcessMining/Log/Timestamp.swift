/// Reading timestamps as event logs write them, into milliseconds since 1970 UTC.
///
/// Hand-written: a log of ten million events has ten million timestamps, and Foundation's ISO 8601 parsing
/// costs microseconds each.
public enum Timestamp {
    /// ISO 8601 / XML Schema `dateTime`: `2011-10-01T00:38:44.546+02:00`, also with a space instead of `T`,
    /// with `Z`, `+0200` or no zone (read as UTC), with any number of fraction digits, or a date alone.
    public static func parseISO(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseISO(bytes: $0) }
    }

    static func parseISO(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let count = bytes.count
        while index < count, bytes[index] == 0x20 { index += 1 }
        func digits(_ n: Int) -> Int? {
            guard index + n <= count else { return nil }
            var value = 0
            for _ in 0..<n {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, millisecond = 0, offsetMinutes = 0
        if index < count, bytes[index] == 0x54 || bytes[index] == 0x20 {  // T or space
            index += 1
            guard let h = digits(2), expect(0x3A), let m = digits(2), h <= 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(0x3A) {
                guard let s = digits(2), s <= 60 else { return nil }
                second = s
                if index < count, bytes[index] == 0x2E || bytes[index] == 0x2C {
                    index += 1
                    var scale = 100, any = false
                    while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                        millisecond += Int(bytes[index] - 0x30) * scale
                        scale /= 10
                        index += 1
                        any = true
                    }
                    guard any else { return nil }
                }
            }
            if index < count {
                switch bytes[index] {
                case 0x5A:  // Z
                    index += 1
                case 0x2B, 0x2D:  // + -
                    let sign = bytes[index] == 0x2D ? -1 : 1
                    index += 1
                    guard let oh = digits(2) else { return nil }
                    _ = expect(0x3A)
                    let om = digits(2) ?? 0
                    offsetMinutes = sign * (oh * 60 + om)
                default: break
                }
            }
        }
        while index < count, bytes[index] == 0x20 { index += 1 }
        guard index == count else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offsetMinutes * 60
        return Int64(seconds) * 1_000 + Int64(millisecond)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
