import Foundation

/// gzip decompression on its own thread, handing windows of the inflated stream to the reading thread through
/// a short queue: one window is parsed while the next is inflated, so reading an `.xes.gz` takes about as long
/// as the slower of the two rather than both. At most `depth` windows wait, so memory stays bounded.
final class InflatingPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var windows: [[UInt8]] = []
    private var finished = false
    private var cancelled = false
    private var failure: MiningError?
    private let depth = 4

    /// Starts inflating `data` on a new thread.
    init(_ data: Data, file: String, limit: Int) {
        let thread = Thread { [self] in produce(data, file: file, limit: limit) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private struct Cancelled: Error {}

    private func produce(_ data: Data, file: String, limit: Int) {
        var failure: MiningError?
        do {
            try Gzip.inflate(data, file: file, limit: limit) { window in
                condition.lock()
                defer { condition.unlock() }
                while windows.count >= depth && !cancelled { condition.wait() }
                if cancelled { throw Cancelled() }
                windows.append(Array(window))
                condition.broadcast()
            }
        } catch let error as MiningError {
            failure = error
        } catch {
            if !(error is Cancelled) { failure = MiningError(file: file, message: "\(error)") }
        }
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next window, or `nil` at the end of the stream; an error of the decompression is thrown here.
    func next() throws(MiningError) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while windows.isEmpty && !finished { condition.wait() }
        if !windows.isEmpty {
            condition.broadcast()
            return windows.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the decompression (the reader gave up or failed) and waits until its thread has finished.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
