public import Foundation

/// One part of a `multipart/form-data` body: a field, or a file when it has a file name.
public struct MultipartPart: Sendable, Equatable {
    public var name: String
    public var fileName: String?
    public var contentType: String?
    public var content: Data
}

/// Why a multipart body was refused.
public enum MultipartError: Error, Sendable, Equatable {
    /// Not a complete body: a delimiter, a header block or the closing delimiter is missing.
    case malformed
    /// More parts than allowed.
    case tooManyParts(limit: Int)
}

/// Splits a `multipart/form-data` body (RFC 7578) into its parts.
///
/// Hand-written rather than MultipartKit's byte-by-byte parser: uploads are event logs of up to hundreds of
/// megabytes, and searching for the boundary with `Data.range(of:)` (Foundation's optimised search) is orders of
/// magnitude faster, also in the debug build `swift run` makes. Pure (no server types), so the fuzzer drives it.
public enum MultipartBody {
    public static func parts(of data: Data, boundary: String, maxParts: Int, maxPartHeaderBytes: Int)
        throws(MultipartError) -> [MultipartPart]
    {
        let delimiter = Data("--\(boundary)".utf8), nextDelimiter = Data("\r\n--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard !boundary.isEmpty, let first = data.range(of: delimiter) else { throw .malformed }
        var parts: [MultipartPart] = []
        var position = first.upperBound
        while true {
            guard data.endIndex - position >= 2 else { throw .malformed }
            let marker = data[position..<position + 2]
            if marker == Data("--".utf8) { break }  // the closing delimiter
            guard parts.count < maxParts else { throw .tooManyParts(limit: maxParts) }
            guard marker == Data("\r\n".utf8) else { throw .malformed }
            position += 2
            let headerWindow = position..<min(data.endIndex, position + maxPartHeaderBytes)
            guard let headersEnd = data.range(of: headerEnd, in: headerWindow),
                let partEnd = data.range(of: nextDelimiter, in: headersEnd.upperBound..<data.endIndex)
            else { throw .malformed }
            var headers: [String: String] = [:]
            for line in String(decoding: data[position..<headersEnd.lowerBound], as: UTF8.self)
                .components(separatedBy: "\r\n")
            {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                    .trimmingCharacters(in: .whitespaces)
            }
            let disposition = headers["content-disposition"] ?? ""
            if let name = parameter("name", in: disposition) {
                parts.append(
                    MultipartPart(
                        name: name, fileName: parameter("filename", in: disposition),
                        contentType: headers["content-type"],
                        content: Data(data[headersEnd.upperBound..<partEnd.lowerBound])))
            }
            position = partEnd.upperBound
        }
        return parts
    }

    /// A parameter of a header value such as `form-data; name="file"; filename="a.bpmn"`.
    public static func parameter(_ key: String, in header: String) -> String? {
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
