import Foundation

/// Runs long synchronous work on a thread of its own instead of one of Swift concurrency's shared threads (as
/// many as there are cores). The tests run side by side in one process: a test that computes for many seconds
/// on a shared thread holds it, and with two such tests on a 2-core machine the live servers of other tests get
/// no thread to answer on — their clients give up after 20 s (seen once in a full run).
public func onOwnThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
