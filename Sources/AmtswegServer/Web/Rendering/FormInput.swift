import AmtswegSupport
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

    /// Splits a `multipart/form-data` body into fields and files (``MultipartBody`` parses it).
    static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormInput {
        let parts: [MultipartPart]
        do {
            parts = try MultipartBody.parts(
                of: Data(body.readableBytesView), boundary: boundary, maxParts: maxParts,
                maxPartHeaderBytes: maxPartHeaderBytes)
        } catch .tooManyParts(let limit) {
            throw HTTPError(
                .contentTooLarge, message: "Das Formular hat mehr als \(limit) Teile und wird nicht angenommen.")
        } catch {
            throw HTTPError(.badRequest, message: "Das Formular ist unvollständig übertragen worden.")
        }
        var form = FormInput()
        for part in parts {
            if let fileName = part.fileName {
                form.files[part.name] = File(
                    fileName: fileName, contentType: part.contentType ?? "application/octet-stream", data: part.content)
            } else {
                form.fields[part.name, default: []].append(String(decoding: part.content, as: UTF8.self))
            }
        }
        return form
    }

    /// A parameter of a header value such as `multipart/form-data; boundary=…`.
    static func parameter(_ key: String, in header: String) -> String? { MultipartBody.parameter(key, in: header) }
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
