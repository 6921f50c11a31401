#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A log line's time, ISO 8601 in UTC with milliseconds (`2026-12-05T04:39:00.123Z`), without the calendar
/// machinery of `Date.formatted` or `strftime` per line: the date and time to the second are formatted once per
/// second and kept, the milliseconds appended.
enum LogTimestamp {
    private static let kept = Mutex<(second: Int, text: [UInt8])>((-1, []))

    /// Appends the current time to `line`.
    static func append(to line: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let second = Int(now.tv_sec)
        let prefix = kept.withLock { kept -> [UInt8] in
            if kept.second != second { kept = (second, format(second)) }
            return kept.text
        }
        line.append(contentsOf: prefix)
        line.append(UInt8(ascii: "."))
        appendDigits(Int(now.tv_nsec) / 1_000_000, width: 3, to: &line)
        line.append(UInt8(ascii: "Z"))
    }

    /// `YYYY-MM-DDTHH:MM:SS` of a second since 1970, in UTC.
    static func format(_ second: Int) -> [UInt8] {
        var time = time_t(second)
        var calendar = tm()
        gmtime_r(&time, &calendar)
        var text: [UInt8] = []
        text.reserveCapacity(19)
        appendDigits(Int(calendar.tm_year) + 1900, width: 4, to: &text)
        let fields: [(UInt8, Int)] = [
            (UInt8(ascii: "-"), Int(calendar.tm_mon) + 1), (UInt8(ascii: "-"), Int(calendar.tm_mday)),
            (UInt8(ascii: "T"), Int(calendar.tm_hour)), (UInt8(ascii: ":"), Int(calendar.tm_min)),
            (UInt8(ascii: ":"), Int(calendar.tm_sec)),
        ]
        for (separator, value) in fields {
            text.append(separator)
            appendDigits(value, width: 2, to: &text)
        }
        return text
    }

    /// `value` in decimal, padded with zeros to `width` digits.
    static func appendDigits(_ value: Int, width: Int, to text: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        text.append(contentsOf: digits)
    }
}
