import Hummingbird
import Synchronization

/// Gives a request's handler a time limit. Past it the client gets 503 with a message; the handler runs to its
/// end in the background (not cancelled: a write half done must finish or roll back by itself), but the client
/// is answered and the connection is free.
///
/// The route table applies it to every route, where the handler is an escaping closure that can run in a task
/// of its own (a middleware's `next` cannot leave its call). One watchdog per server looks at the requests under
/// way a few times per limit, rather than a sleeping timer per request: a timer costs a registration with the
/// clock on every request, and its task would stay alive for the whole limit after the answer — at thousands of
/// requests a second, hundreds of thousands of them.
final class TimeLimit: Sendable {
    let limit: Duration
    /// How often the watchdog looks: a quarter of the limit, at most once a second.
    private let tick: Duration

    private struct Waiting {
        var deadline: ContinuousClock.Instant
        var expire: @Sendable () -> Void
    }

    private struct State {
        var next = 0
        var waiting: [Int: Waiting] = [:]
        var isWatching = false
    }

    private let state = Mutex(State())

    init(_ limit: Duration) {
        self.limit = limit
        tick = min(.seconds(1), limit / 4)
    }

    func run(_ work: @escaping @Sendable () async throws -> Response) async throws -> Response {
        let once = Once()
        return try await withCheckedThrowingContinuation { continuation in
            let limit = limit
            let id = watch(until: .now + limit) {
                guard once.claim() else { return }
                continuation.resume(
                    throwing: HTTPError(
                        .serviceUnavailable,
                        message:
                            "Die Anfrage dauerte länger als \(limit.components.seconds) Sekunden und wurde abgebrochen. "
                            + "Bitte später erneut versuchen oder eine kleinere Datei wählen."))
            }
            Task {
                defer { self.forget(id) }
                do {
                    let response = try await work()
                    if once.claim() { continuation.resume(returning: response) }
                } catch {
                    if once.claim() { continuation.resume(throwing: error) }
                }
            }
        }
    }

    /// Registers a request; starts the watchdog if it is not running.
    private func watch(until deadline: ContinuousClock.Instant, expire: @escaping @Sendable () -> Void) -> Int {
        let (id, start) = state.withLock { state in
            state.next += 1
            state.waiting[state.next] = Waiting(deadline: deadline, expire: expire)
            defer { state.isWatching = true }
            return (state.next, !state.isWatching)
        }
        if start { Task { await watchdog() } }
        return id
    }

    private func forget(_ id: Int) {
        _ = state.withLock { $0.waiting.removeValue(forKey: id) }
    }

    /// Answers the requests past their deadline; ends when none is under way (the next request starts it again).
    private func watchdog() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (expired, done): ([Waiting], Bool) = state.withLock { state in
                let expired = state.waiting.filter { $0.value.deadline <= now }
                for id in expired.keys { state.waiting[id] = nil }
                if state.waiting.isEmpty { state.isWatching = false }
                return (Array(expired.values), state.waiting.isEmpty)
            }
            for request in expired { request.expire() }
            if done { return }
        }
    }
}

/// Lets exactly one of several racers answer.
private final class Once: Sendable {
    private let done = Mutex(false)

    func claim() -> Bool {
        done.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
