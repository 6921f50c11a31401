import Hummingbird
import Synchronization

/// Gives a request's handler a time limit. Past it the client gets 503 with a message; the handler runs to its
/// end in the background (not cancelled: a write half done must finish or roll back by itself), but the client
/// is answered and the connection is free.
///
/// The route table applies it to every route, where the handler is an escaping closure that can run in a task
/// of its own (a middleware's `next` cannot leave its call).
enum TimeLimit {
    static func run(
        _ limit: Duration, _ work: @escaping @Sendable () async throws -> Response
    ) async throws -> Response {
        let once = Once()
        return try await withCheckedThrowingContinuation { continuation in
            Task {
                do {
                    let response = try await work()
                    if once.claim() { continuation.resume(returning: response) }
                } catch {
                    if once.claim() { continuation.resume(throwing: error) }
                }
            }
            Task {
                try? await Task.sleep(for: limit)
                guard once.claim() else { return }
                continuation.resume(
                    throwing: HTTPError(
                        .serviceUnavailable,
                        message:
                            "Die Anfrage dauerte länger als \(limit.components.seconds) Sekunden und wurde abgebrochen. "
                            + "Bitte später erneut versuchen oder eine kleinere Datei wählen."))
            }
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
