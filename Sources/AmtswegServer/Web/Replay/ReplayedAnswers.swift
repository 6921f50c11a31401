import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Answers to `GET` requests kept as they were sent, so that the same request is answered again without passing
/// through the framework, the middleware and the handler (``ReplayHandler``): the kept pages of the tenant's views
/// cost little to find, but the way to them — Swift concurrency, the router and six middlewares per request —
/// held the server at a fifth of what nginx serves of the same bytes.
///
/// An answer is replayed only to the identical request (method, path with query, host and every header field —
/// the same session or token cookie, form token and language), and only while nothing it could depend on changed:
/// - no write through the workspace and no change seen in its feed (``Workspace/changeCount``), and no change to
///   accounts, sessions or tokens (``CachingAccountRepository/generation``), both read when the request began;
/// - within the second of the server's clock it was made in (``ServerConfiguration/now``, which also says which day
///   the roadmap shows): its `Date` header stays true, and a session or token that expires, a token's "last used"
///   are at most that second late.
///
/// Only answers the handler marked as made from kept views are kept (``ReplayMark``): status 200, no cookie set.
/// PostgreSQL stores can have other writers, which only the store's change feed shows, so they replay nothing.
final class ReplayedAnswers: Sendable {
    /// What a replayed answer's request found: the counts it was made under.
    struct Basis: Hashable, Sendable {
        var data: Int
        var accounts: Int
    }

    /// A request an answer may be kept for or replayed to, as the HTTP/1 decoder handed it up: a `GET` of
    /// HTTP/1.1 without a body that neither asks to close the connection nor to upgrade it (the framework handles
    /// those), identified by its target (path with query) and every header field in the order sent.
    struct Key: Hashable, Sendable {
        var target: String
        var fields: [String]

        init?(_ head: HTTPRequestHead) {
            guard head.method == .GET, head.version == .http1_1, !head.headers.contains(name: "content-length"),
                !head.headers.contains(name: "transfer-encoding")
            else { return nil }
            let connection = head.headers["connection"]
            guard connection.isEmpty || (connection.count == 1 && connection[0].lowercased() == "keep-alive")
            else { return nil }
            target = head.uri
            fields = []
            fields.reserveCapacity(head.headers.count * 2)
            for (name, value) in head.headers {
                fields.append(name)
                fields.append(value)
            }
        }

        /// The path without the query, as the log shows it.
        var path: Substring { target.prefix { $0 != "?" } }
    }

    struct Answer: Sendable {
        var head: HTTPResponseHead
        var body: ByteBuffer
        /// The route's pattern, for the request metrics.
        var route: String
        var basis: Basis
        /// Seconds since 1970 at which the answer is no longer replayed: the end of the second it was made in.
        var until: Double
    }

    /// At most this many answers, of at most `maxBytes` together; when either is reached all are dropped (every
    /// request with a new header value is its own key).
    static let capacity = 2_000
    static let maxBytes = 64 << 20

    private struct Table {
        var answers: [Key: Answer] = [:]
        var bytes = 0
    }

    private let table = Mutex(Table())
    private let replays = Atomic<Int>(0)
    private let workspace: Workspace
    /// The workspace's accounts as kept (cast once: every request asks for the counts).
    private let accounts: CachingAccountRepository?
    private let metrics: ServerMetrics
    private let logger: Logger
    private let now: @Sendable () -> Date

    init(workspace: Workspace, metrics: ServerMetrics, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.workspace = workspace
        self.accounts = workspace.accounts as? CachingAccountRepository
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }

    /// The counts now; `nil` when this workspace's accounts are not the kept ones (nothing could be compared).
    var basis: Basis? {
        guard let accounts else { return nil }
        return Basis(data: workspace.changeCount, accounts: accounts.generation)
    }

    /// How many requests were answered by a replay since the start, for tests.
    var replayCount: Int { replays.load(ordering: .relaxed) }

    /// The answer kept for `request`, if it is still true now.
    func answer(for request: Key) -> Answer? {
        guard let answer = table.withLock({ $0.answers[request] }), now().timeIntervalSince1970 < answer.until,
            answer.basis == basis
        else { return nil }
        return answer
    }

    /// Keeps `head` and `body` as the answer to `request`, made under `basis` (read when the request began).
    func keep(_ head: HTTPResponseHead, body: ByteBuffer, route: String, basis: Basis, for request: Key) {
        let second = now().timeIntervalSince1970.rounded(.down)
        let answer = Answer(head: head, body: body, route: route, basis: basis, until: second + 1)
        table.withLock { table in
            if table.answers.count >= Self.capacity || table.bytes + body.readableBytes > Self.maxBytes {
                table = Table()
            }
            table.bytes += body.readableBytes - (table.answers[request]?.body.readableBytes ?? 0)
            table.answers[request] = answer
        }
    }

    /// Logs and counts a replayed answer as the middleware logs and counts every other one.
    func replayed(_ request: Key, _ answer: Answer, since start: ContinuousClock.Instant) {
        replays.add(1, ordering: .relaxed)
        let elapsed = ContinuousClock.now - start
        let status = Int(answer.head.status.code)
        RequestLogMiddleware.log(
            logger, method: "GET", path: String(request.path), status: status, elapsed: elapsed,
            requestID: RequestID())
        metrics.requestFinished(route: answer.route, method: "GET", status: status, duration: elapsed)
    }
}

/// How a handler says that its answer was made from kept views only and may be replayed (``ReplayedAnswers``): a
/// header field that ``ReplayHandler`` removes from every answer before it is sent, holding the counts read when
/// the request began and the route's pattern.
enum ReplayMark {
    static let name = "x-amtsweg-replay"
    static let field = HTTPField.Name(name)!

    /// Marks `headers` when `context` carries the counts (replaying is on and the request may be replayed).
    static func mark(_ headers: inout HTTPFields, _ context: some RequestContext) {
        guard let context = context as? AppRequestContext, let basis = context.replayBasis else { return }
        headers[field] = "\(basis.data) \(basis.accounts) \(context.endpointPath ?? "NotFound")"
    }

    static func read(_ value: String) -> (basis: ReplayedAnswers.Basis, route: String)? {
        let parts = value.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, let data = Int(parts[0]), let accounts = Int(parts[1]) else { return nil }
        return (ReplayedAnswers.Basis(data: data, accounts: accounts), String(parts[2]))
    }
}
