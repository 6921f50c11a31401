public import Hummingbird

/// A rendered page: HTML with its status.
public struct HTMLResponse: ResponseGenerator {
    /// The page, UTF-8.
    public var body: ByteBuffer
    public var status: HTTPResponse.Status
    /// Made from kept views only, so that it may be replayed to the identical request (``ReplayMark``).
    var isReplayable = false

    public init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.init(body: ByteBuffer(string: html), status: status)
    }

    public init(body: ByteBuffer, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    public var html: String { String(buffer: body) }

    public func response(from request: Request, context: some RequestContext) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if isReplayable { ReplayMark.mark(&headers, context) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// A file to download or an image, with its media type.
struct FileResponse: ResponseGenerator {
    var body: ByteBuffer
    var contentType: String
    /// Offered as a download under this name, if set.
    var fileName: String?

    init(body: String, contentType: String, fileName: String? = nil) {
        self.init(bytes: ByteBuffer(string: body), contentType: contentType, fileName: fileName)
    }

    /// Kept bytes (a drawing served many times) go out without a copy.
    init(bytes: ByteBuffer, contentType: String, fileName: String? = nil) {
        self.body = bytes
        self.contentType = contentType
        self.fileName = fileName
    }

    func response(from request: Request, context: some RequestContext) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let fileName {
            let safe = String(fileName.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0.value >= 0x20 })
            headers[.contentDisposition] = "attachment; filename=\"\(safe)\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}

/// After a successful form: back to a page with GET (post/redirect/get), so reloading does not post twice.
struct SeeOther: ResponseGenerator {
    var location: String

    func response(from request: Request, context: some RequestContext) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
