import Foundation
import Hummingbird
import MultipartKit

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

    /// Reads the body. Too large → 413 with the limit in the message; a wrong or missing token → 403.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> FormInput {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
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
        guard !context.csrfToken.isEmpty, form["csrf"] == context.csrfToken else {
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

    static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormInput {
        var form = FormInput()
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            if let name = parameter("name", in: disposition) {
                if let fileName = parameter("filename", in: disposition) {
                    form.files[name] = File(
                        fileName: fileName, contentType: headers["content-type"] ?? "application/octet-stream",
                        data: Data(content.readableBytesView))
                } else {
                    form.fields[name, default: []].append(String(buffer: content))
                }
            }
            headers = [:]
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "Das Formular ist unvollständig übertragen worden.")
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
