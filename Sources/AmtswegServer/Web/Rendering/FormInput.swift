import Foundation
import Hummingbird

/// A submitted HTML form, URL-encoded or `multipart/form-data`, read up to a size limit and checked against
/// the visitor's form token before any handler sees it.
struct FormInput: Sendable {
    struct File: Sendable {
        var fileName: String
        var contentType: String
        var data: Data
    }

    var fields: [String: [String]] = [:]
    var files: [String: File] = [:]

    /// The first value of a field with surrounding blanks removed; empty if the field is missing.
    subscript(_ name: String) -> String {
        fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// The first value of a typed field, trimmed.
    subscript(_ field: some FormField) -> String { self[field.rawValue] }

    /// The first value of a field exactly as sent (passwords keep their blanks).
    func raw(_ field: some FormField) -> String { fields[field.rawValue]?.first ?? "" }

    /// The most parts a multipart form may have, and the longest header block of one part: a form of Amtsweg
    /// has a few dozen fields at most, and a body of thousands of tiny parts only costs the server time.
    static let maxParts = 500
    static let maxPartHeaderBytes = 8 << 10

    /// Reads the body. Too large → 413 with the limit in the message; a wrong or missing token → 403.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> FormInput {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPError(
                .contentTooLarge,
                message: "Die Datei ist zu groß. Erlaubt sind höchstens \(ByteCountFormatter.megabytes(limit)).")
        }
        let contentType = request.headers[.contentType] ?? ""
        let form: FormInput
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty else {
                throw HTTPError(.badRequest, message: "Das Formular ist unvollständig übertragen worden.")
            }
            form = try multipart(body, boundary: boundary)
        } else {
            form = urlEncoded(String(buffer: body))
        }
        guard !context.csrfToken.isEmpty, form[TokenFormField.csrf] == context.csrfToken else {
            throw HTTPError(
                .forbidden,
                message: "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte die Seite neu laden.")
        }
        return form
    }

    static func urlEncoded(_ text: String) -> FormInput {
        var form = FormInput()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            form.fields[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    /// Splits a `multipart/form-data` body (RFC 7578) into fields and files.
    ///
    /// Hand-written rather than MultipartKit's byte-by-byte parser: uploads are event logs of up to hundreds of
    /// megabytes, and searching for the boundary with `Data.range(of:)` (Foundation's optimised search) is
    /// orders of magnitude faster, also in the debug build `swift run` makes.
    static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormInput {
        let data = Data(body.readableBytesView)
        let malformed = HTTPError(.badRequest, message: "Das Formular ist unvollständig übertragen worden.")
        let delimiter = Data("--\(boundary)".utf8), nextDelimiter = Data("\r\n--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard let first = data.range(of: delimiter) else { throw malformed }
        var form = FormInput()
        var position = first.upperBound
        var parts = 0
        while true {
            parts += 1
            guard parts <= maxParts else {
                throw HTTPError(
                    .contentTooLarge, message: "Das Formular hat mehr als \(maxParts) Teile und wird nicht angenommen.")
            }
            guard data.endIndex - position >= 2 else { throw malformed }
            let marker = data[position..<position + 2]
            if marker == Data("--".utf8) { break }  // the closing delimiter
            guard marker == Data("\r\n".utf8) else { throw malformed }
            position += 2
            let headerWindow = position..<min(data.endIndex, position + maxPartHeaderBytes)
            guard let headersEnd = data.range(of: headerEnd, in: headerWindow),
                let partEnd = data.range(of: nextDelimiter, in: headersEnd.upperBound..<data.endIndex)
            else { throw malformed }
            var headers: [String: String] = [:]
            for line in String(decoding: data[position..<headersEnd.lowerBound], as: UTF8.self)
                .components(separatedBy: "\r\n")
            {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                    .trimmingCharacters(in: .whitespaces)
            }
            let content = data[headersEnd.upperBound..<partEnd.lowerBound]
            let disposition = headers["content-disposition"] ?? ""
            if let name = parameter("name", in: disposition) {
                if let fileName = parameter("filename", in: disposition) {
                    form.files[name] = File(
                        fileName: fileName, contentType: headers["content-type"] ?? "application/octet-stream",
                        data: Data(content))
                } else {
                    form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
                }
            }
            position = partEnd.upperBound
        }
        return form
    }

    /// A parameter of a header value such as `form-data; name="file"; filename="a.bpmn"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}

extension ByteCountFormatter {
    /// "100 MB" in the German way of writing it.
    static func megabytes(_ bytes: Int) -> String {
        let megabytes = Double(bytes) / 1_048_576
        return megabytes >= 1 ? "\(Int(megabytes.rounded())) MB" : "\(bytes / 1024) KB"
    }
}

/// The name of a form field, as an enum per form (`enum LoginField: String, FormField { case name, password }`)
/// so that a handler and its template cannot disagree on a name by a typo.
protocol FormField: RawRepresentable<String>, Sendable {}

/// The hidden field every form repeats the visitor's form token in.
enum TokenFormField: String, FormField {
    case csrf
}
