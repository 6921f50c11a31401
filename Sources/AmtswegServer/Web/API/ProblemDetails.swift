import Foundation
import Hummingbird

/// An error of the JSON API as RFC 9457 `application/problem+json`.
struct ProblemDetails: Codable, Sendable, ResponseGenerator {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    /// Field → messages, for invalid input.
    var errors: [String: [String]]?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .init(code: status), headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(self))))
    }
}
