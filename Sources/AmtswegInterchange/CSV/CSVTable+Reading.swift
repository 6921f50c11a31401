package import Foundation

extension InterchangeError {
    /// The problem of a file whose bytes are no text Amtsweg can read.
    package init(_ error: TextDecoding.Failure, file: String) {
        self =
            switch error {
            case .binary:
                InterchangeError(
                    file: file, line: nil,
                    message: "Die Datei ist keine Textdatei (z. B. eine Excel-Arbeitsmappe). Bitte als CSV speichern.")
            case .undecodable(let line, let byte):
                InterchangeError(
                    file: file, line: line,
                    message:
                        "Unbekannte Zeichenkodierung (Byte 0x\(String(byte, radix: 16, uppercase: true))); erwartet UTF-8 oder Windows-1252."
                )
            case .mixed(let line):
                InterchangeError(
                    file: file, line: line,
                    message:
                        "Die Datei mischt UTF-8 und eine andere Zeichenkodierung; bitte einheitlich als UTF-8 speichern."
                )
            }
    }

    /// The problem of a file that is no well-formed CSV.
    package init(_ error: CSVTable.Failure, file: String) {
        self =
            switch error {
            case .empty:
                InterchangeError(
                    file: file, line: nil, message: "Die Datei ist leer; erwartet wird mindestens eine Kopfzeile.")
            case .unterminatedQuote(let line):
                InterchangeError(
                    file: file, line: line,
                    message: "Ein Anführungszeichen wird geöffnet, aber nie geschlossen (Datei abgeschnitten?).")
            case .textAfterQuote(let line):
                InterchangeError(
                    file: file, line: line,
                    message: "Nach einem schließenden Anführungszeichen folgt Text vor dem Trennzeichen.")
            }
    }
}

extension CSVTable {
    /// Decodes and parses one CSV file, naming the file and line of what is wrong.
    package static func read(_ data: Data, file: String) throws(InterchangeError) -> CSVTable {
        let text: String
        do {
            text = try TextDecoding.decode(data)
        } catch {
            throw InterchangeError(error, file: file)
        }
        do {
            return try CSVTable(parsing: text)
        } catch {
            throw InterchangeError(error, file: file)
        }
    }
}
