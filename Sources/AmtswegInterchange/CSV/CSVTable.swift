import AmtswegCore
import Foundation

/// A parsed CSV file: header and records, each record with the physical line it starts on.
///
/// Hand-written rather than taken from a package because import errors must name the line a record starts
/// on — records may span lines inside quotes — and neither CSV package on our mirror reports that.
package struct CSVTable {
    package struct Record {
        package var line: Int
        package var fields: [String]
    }

    package enum Failure: Error, Equatable {
        case empty
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)
    }

    package var delimiter: Character
    package var header: [String]
    package var records: [Record]

    /// Parses RFC 4180 text: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF or LF.
    /// The delimiter is whichever of `;`, `,` and tab occurs most in the header line (`;` wins ties, as in
    /// German Excel exports).
    package init(parsing text: String) throws(Failure) {
        delimiter = Self.detectDelimiter(text)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var quoteLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            field = ""
            // Blank lines between records are skipped, as spreadsheets leave them.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while let char = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if char == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if char == "\n" || char == "\r\n" { line += 1 }
                    field.append(char == "\r\n" ? "\n" : char)
                }
                continue
            }
            switch char {
            case delimiter:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
            default:
                if afterQuote {
                    if char == " " { continue }
                    throw .textAfterQuote(line: line)
                }
                field.append(char)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw .empty }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.records = Array(records.dropFirst())
    }

    private static func detectDelimiter(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var inQuotes = false
        for char in firstLine {
            if char == "\"" { inQuotes.toggle() } else if !inQuotes, counts[char] != nil { counts[char]! += 1 }
        }
        let best = max(counts[";"]!, counts[","]!, counts["\t"]!)
        if best == 0 || counts[";"]! == best { return ";" }
        return counts[","]! == best ? "," : "\t"
    }
}
