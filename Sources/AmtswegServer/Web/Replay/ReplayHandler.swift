import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers a request from ``ReplayedAnswers`` on the connection's event loop when an answer to the identical
/// request is kept and still true, and keeps the marked answers (``ReplayMark``) that the application sends;
/// everything else passes through unchanged. Sits in each connection's pipeline after the HTTP codec, which hands
/// up one request at a time and holds the next until the answer's end is written (pipelining assistance), so an
/// answer replayed here can never overtake one the application is still making.
final class ReplayHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let answers: ReplayedAnswers
    /// The request being answered here, from its head until its end arrives.
    private var replaying: (request: HTTPRequest, answer: ReplayedAnswers.Answer, start: ContinuousClock.Instant)?
    /// A request passed on to the application whose answer may be kept.
    private var passedOn: HTTPRequest?
    /// The marked answer being sent for `request`, its body collected as it goes out.
    private var keeping:
        (
            request: HTTPRequest, head: HTTPResponse, mark: (basis: ReplayedAnswers.Basis, route: String),
            body: ByteBuffer
        )?

    init(answers: ReplayedAnswers) {
        self.answers = answers
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            let mayReplay = ReplayedAnswers.mayReplay(request)
            if mayReplay, let answer = answers.answer(for: request) {
                replaying = (request, answer, .now)
                return
            }
            passedOn = mayReplay ? request : nil
            context.fireChannelRead(data)
        case .body:
            // Only requests that declare no body are replayed; a body part without a declaration would be a
            // framing error, which the codec reports before.
            if replaying == nil { context.fireChannelRead(data) }
        case .end:
            guard let (request, answer, start) = replaying else {
                context.fireChannelRead(data)
                return
            }
            replaying = nil
            context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
            context.write(wrapOutboundOut(.body(answer.body)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            answers.replayed(request, answer, since: start)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            let request = passedOn
            passedOn = nil
            // An answer cut off before its end (a failed write) is never kept for the next one's request.
            keeping = nil
            guard let value = head.headerFields[ReplayMark.field] else {
                context.write(data, promise: promise)
                return
            }
            // The mark never leaves the server, whether the answer is kept or not (a `HEAD` request, say).
            head.headerFields[ReplayMark.field] = nil
            if let request, head.status == .ok, head.headerFields[.setCookie] == nil,
                let mark = ReplayMark.read(value)
            {
                keeping = (request, head, mark, ByteBuffer())
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body(let part):
            keeping?.body.writeImmutableBuffer(part)
            context.write(data, promise: promise)
        case .end:
            if let keeping {
                answers.keep(
                    keeping.head, body: keeping.body, route: keeping.mark.route, basis: keeping.mark.basis,
                    for: keeping.request)
            }
            keeping = nil
            context.write(data, promise: promise)
        }
    }
}
