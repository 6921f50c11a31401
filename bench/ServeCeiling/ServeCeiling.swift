import Foundation
import Hummingbird

/// The framework's own ceiling for `bench/web-benchmark`: Hummingbird with no middleware serving each file of a
/// directory from memory, as the bytes Amtsweg sends for the same page. What separates Amtsweg's figures from
/// these is Amtsweg's own work per request (access, session, cache lookup); what separates these from nginx's is
/// the framework's (Swift concurrency, NIO's HTTP pipeline).
///   ServeCeiling DIRECTORY PORT
@main
struct ServeCeiling {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let port = Int(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: ServeCeiling DIRECTORY PORT\n".utf8))
            exit(2)
        }
        let directory = URL(fileURLWithPath: arguments[1])
        var pages: [String: ByteBuffer] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            pages["/" + name] = ByteBuffer(bytes: try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        let kept = pages
        let router = Router()
        router.get("**") { request, _ -> Response in
            guard let body = kept[request.uri.path] else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: body))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
