import NIOCore
import NIOHTTP1

/// Answers a request from ``ReplayedAnswers`` on the connection's event loop when an answer to the identical
/// request is kept and still true, and keeps the marked answers (``ReplayMark``) that the application sends;
/// everything else passes through unchanged. Sits in each connection's pipeline right after NIO's HTTP/1 decoder
/// and its pipelining assistance, which hands up one request at a time and holds the next until the answer's end
/// is written, so an answer replayed here can never overtake one the application is still making; and before
/// the conversion to the framework's HTTP types (``ReplayingHTTP1Channel``), which a replayed request and answer
/// skip.
final class ReplayHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let answers: ReplayedAnswers
    /// The request being answered here, from its head until its end arrives.
    private var replaying:
        (request: ReplayedAnswers.Key, answer: ReplayedAnswers.Answer, start: ContinuousClock.Instant)?
    /// A request passed on to the application whose answer may be kept.
    private var passedOn: ReplayedAnswers.Key?
    /// The marked answer being sent for `request`, its body collected as it goes out.
    private var keeping:
        (
            request: ReplayedAnswers.Key, head: HTTPResponseHead,
            mark: (basis: ReplayedAnswers.Basis, route: String), body: ByteBuffer
        )?

    init(answers: ReplayedAnswers) {
        self.answers = answers
    }

    /// How many bytes may wait for the socket before the connection counts as unwritable. NIO's default (64 KiB)
    /// made every answer larger than that — the Ist-Analyse, the problem spots, the information flows — turn the
    /// connection unwritable and writable again, two events passed up to the application per answer, which cost
    /// as much as a twelfth of a replay. Answers the application streams (an export) still wait for the socket,
    /// from half a mebibyte on.
    static let waterMark = ChannelOptions.Types.WriteBufferWaterMark(low: 128 << 10, high: 512 << 10)

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.channel.syncOptions?.setOption(ChannelOptions.writeBufferWaterMark, value: Self.waterMark)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let key = ReplayedAnswers.Key(head)
            if let key, let answer = answers.answer(for: key) {
                replaying = (key, answer, .now)
                return
            }
            passedOn = key
            context.fireChannelRead(data)
        case .body:
            // Only requests that declare no body are replayed; a body part without a declaration would be a
            // framing error, which the decoder reports before.
            if replaying == nil { context.fireChannelRead(data) }
        case .end:
            guard let (request, answer, start) = replaying else {
                context.fireChannelRead(data)
                return
            }
            replaying = nil
            context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(answer.body))), promise: nil)
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
            guard let value = head.headers.first(name: ReplayMark.name) else {
                context.write(data, promise: promise)
                return
            }
            // The mark never leaves the server, whether the answer is kept or not (a `HEAD` request, say).
            head.headers.remove(name: ReplayMark.name)
            if let request, head.status == .ok, !head.headers.contains(name: "set-cookie"),
                let mark = ReplayMark.read(value)
            {
                keeping = (request, head, mark, ByteBuffer())
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body(let part):
            switch part {
            case .byteBuffer(let bytes): keeping?.body.writeImmutableBuffer(bytes)
            case .fileRegion: keeping = nil
            }
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
