#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import Synchronization

/// Where the server's log lines go: standard output, written in batches. swift-log's stream handler writes and
/// flushes every line, a system call per request; under load that was nearly half the cost of a kept page
/// (`bench/web-benchmark`: 6,000 pages a second with it, 11,000 without). Here lines collect in memory and a
/// thread of their own writes them out every tenth of a second, when a batch grows large, and at once for
/// warnings and errors — as nginx does with `access_log … buffer= flush=`. A process killed with `kill -9` loses
/// at most the last tenth of a second of routine lines; ``flush()`` writes everything before a regular end.
public final class LogOutput: Sendable {
    /// The process's standard output.
    public static let standardOutput = LogOutput(descriptor: 1)

    /// A batch this large is written at once instead of waiting for the next tick.
    static let batchLimit = 64 << 10
    static let interval: TimeInterval = 0.1

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    // Held while a batch is taken and written, so batches reach the file in the order they were taken.
    private let writing = Mutex(())
    private let flusher = Mutex<Thread?>(nil)
    /// Read by every line without taking `flusher`'s lock: set once the thread runs.
    private let flusherStarted = Atomic<Bool>(false)

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Queues one line (with its line break); `urgent` lines are written before this returns, with everything
    /// queued before them.
    func write(_ line: some Collection<UInt8>, urgent: Bool = false) {
        startFlusher()
        let full = pending.withLock { pending -> Bool in
            pending.append(contentsOf: line)
            return pending.count >= Self.batchLimit
        }
        if urgent || full { flush() }
    }

    /// Writes every queued line now.
    public func flush() {
        writing.withLock { _ in
            var batch: [UInt8] = []
            pending.withLock { swap(&batch, &$0) }
            batch.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Self.systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return  // Nowhere to write (a closed pipe): the lines are dropped, the server goes on.
                    }
                }
            }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    private func startFlusher() {
        guard !flusherStarted.load(ordering: .acquiring) else { return }
        flusher.withLock { flusher in
            defer { flusherStarted.store(true, ordering: .releasing) }
            guard flusher == nil else { return }
            let thread = Thread { [self] in
                while true {
                    Thread.sleep(forTimeInterval: Self.interval)
                    flush()
                }
            }
            thread.name = "amtsweg-log"
            thread.start()
            flusher = thread
        }
    }
}
