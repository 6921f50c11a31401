import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 connection with a ``ReplayHandler`` where it costs least: right after NIO's decoder and
/// pipelining assistance, before the conversion to the framework's HTTP types — which Hummingbird's own place for
/// extra handlers comes after, and which took a tenth of each replay (both ways).
struct ReplayingHTTP1Channel: HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let answers: ReplayedAnswers

    var responder: Responder { http1.responder }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let codec = try pipeline.handler(type: HTTP1ToHTTPServerCodec.self)
            try pipeline.addHandler(ReplayHandler(answers: answers), position: .before(codec))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 as `amtsweg serve` runs it: with kept answers replayed before the framework where `replay` is given
    /// (``ReplayedAnswers``), plain Hummingbird otherwise.
    static func amtsweg(replay: ReplayedAnswers?) -> HTTPServerBuilder {
        guard let replay else { return .http1() }
        return .init { responder in
            ReplayingHTTP1Channel(http1: HTTP1Channel(responder: responder), answers: replay)
        }
    }
}
