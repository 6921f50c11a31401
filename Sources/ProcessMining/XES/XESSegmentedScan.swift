import AmtswegSupport
import Dispatch
import Foundation

/// Reads the usual shape of XES on every core: the stream is cut into segments just after a `</trace>`, each
/// segment is scanned on its own (its own ``XESScanner``, ``XESLogAssembler`` and builder) on a worker thread,
/// and the partial logs are joined in document order — the same log as one scanner reading it all.
///
/// Reading XES is the hottest path of the product (logs of millions of events), and the byte scan, not the
/// decompression, is what takes the time. A cut in an odd place (a `</trace>` inside a comment) only makes a
/// segment give up, and the caller then reads the file with the general parser; so segmenting never changes
/// what is read or what is an error.
final class XESSegmentedScan: @unchecked Sendable {
    private let file: String
    private let workers: Int
    /// Segments are cut after the last trace end once this many bytes have come.
    private let segmentSize: Int
    /// The most bytes held without any trace end before the fast path gives up (a trace is rarely 1 MB).
    private let maxPendingBytes = 64 << 20
    private let condition = NSCondition()
    /// Finished segments by number, until they are joined (guarded by `condition`).
    private var finished: [Int: Result<Part, any Error>] = [:]
    private var running = 0

    /// One scanned segment: its events in a builder not yet built, and how many traces it had.
    private struct Part {
        var builder: EventLogBuilder
        var traceCount: Int
        var sawLog: Bool
    }

    init(file: String, workers: Int = Parallelism.threads, segmentSize: Int = 4 << 20) {
        self.file = file
        self.workers = max(1, workers)
        self.segmentSize = segmentSize
    }

    /// Reads the chunks `next` hands out (in order, `nil` at the end) into a log; `nil` when any segment is
    /// not of the usual shape. Errors of `next` (decompression) are thrown.
    func read(_ next: () throws(MiningError) -> [UInt8]?) throws(MiningError) -> EventLog? {
        var joined = EventLogBuilder()
        var joinedTraces = 0, sawLog = false
        var submitted = 0, nextToJoin = 0
        var gaveUp = false

        /// Joins the segments that are finished, in order; false when one gave up (and from then on: the segment
        /// that gave up is gone, so waiting for it again would wait forever).
        var segmentGaveUp = false
        func joinFinished(waitForAll: Bool) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            if segmentGaveUp { return false }
            while nextToJoin < submitted {
                while finished[nextToJoin] == nil {
                    guard waitForAll else { return true }
                    condition.wait()
                }
                guard case .success(let part) = finished.removeValue(forKey: nextToJoin)! else {
                    segmentGaveUp = true
                    return false
                }
                let offset = joinedTraces
                joined.append(part.builder) { id in
                    guard id.first == XESLogAssembler.positionalCaseMark, let number = Int(id.dropFirst()) else {
                        return id
                    }
                    return String(offset + number)
                }
                joinedTraces += part.traceCount
                if nextToJoin == 0 { sawLog = part.sawLog }
                nextToJoin += 1
            }
            return true
        }

        // No worker may outlive the read, also when the input fails (a corrupt gzip stream).
        defer { waitForWorkers() }
        var pending: [UInt8] = []
        pending.reserveCapacity(min(segmentSize, 4 << 20) + (1 << 20))
        // The last trace end in `pending` so far, and how far it has been searched: each chunk is searched once,
        // so a stream without trace ends (one huge comment) costs linear, not quadratic, time.
        var lastCut: Int?
        var searched = 0
        while let chunk = try next() {
            pending.append(contentsOf: chunk)
            if let cut = Self.endOfLastTrace(in: pending, from: max(0, searched - 8)) { lastCut = cut }
            searched = pending.count
            if lastCut == nil, pending.count > maxPendingBytes {
                // Far more than a trace without a trace end: not the usual shape. The general parser decides.
                gaveUp = true
                break
            }
            guard pending.count >= segmentSize, let cut = lastCut else { continue }
            let rest = Array(pending[cut...])
            pending.removeSubrange(cut...)
            submit(pending, number: submitted, last: false)
            submitted += 1
            pending = rest
            pending.reserveCapacity(min(segmentSize, 4 << 20) + (1 << 20))
            lastCut = nil
            searched = 0
            if !joinFinished(waitForAll: false) {
                gaveUp = true
                break
            }
        }
        if !gaveUp {
            submit(pending, number: submitted, last: true)
            submitted += 1
        }
        let complete = joinFinished(waitForAll: true)
        guard complete, !gaveUp, sawLog else { return nil }
        return joined.build()
    }

    private func waitForWorkers() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Scans a segment on a worker once fewer than `workers` are busy (the only segment: right here).
    private func submit(_ segment: [UInt8], number: Int, last: Bool) {
        // The only segment, or one thread for everything: scanned right here.
        if (number == 0 && last) || Parallelism.isSingleThreaded {
            finish(number, scan(segment, first: number == 0, last: last))
            return
        }
        condition.lock()
        while running >= workers { condition.wait() }
        running += 1
        condition.unlock()
        // A thread of its own, not a dispatch queue: the reader waits for its workers, and it may be called from
        // a thread of Swift's cooperative pool, which runs on dispatch's queues — a worker queued behind the
        // waiting caller could then never start (seen as a hang of the whole test run on two cores).
        let worker = Thread { [self] in
            finish(number, scan(segment, first: number == 0, last: last))
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        worker.stackSize = 8 << 20
        worker.start()
    }

    private func finish(_ number: Int, _ result: Result<Part, any Error>) {
        condition.lock()
        finished[number] = result
        condition.broadcast()
        condition.unlock()
    }

    private func scan(_ segment: [UInt8], first: Bool, last: Bool) -> Result<Part, any Error> {
        var scanner = XESScanner(segmentStartsInsideLog: !first, endsInsideLog: !last)
        var assembler = XESLogAssembler(file: file)
        assembler.sawLog = !first
        assembler.marksPositionalCases = true
        do {
            _ = try segment.withUnsafeBufferPointer { try scanner.feed($0, final: true, assembler: &assembler) }
        } catch {
            return .failure(error)
        }
        return .success(Part(builder: assembler.builder, traceCount: assembler.traceCount, sawLog: assembler.sawLog))
    }

    /// The index just after the last `</trace>` in `bytes` that starts at `start` or later, if there is one.
    static func endOfLastTrace(in bytes: [UInt8], from start: Int = 0) -> Int? {
        let tag = Array("</trace>".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var index = buffer.count - tag.count
            while index >= start {
                if buffer[index] == UInt8(ascii: "<"), memcmp(buffer.baseAddress! + index, tag, tag.count) == 0 {
                    return index + tag.count
                }
                index -= 1
            }
            return nil
        }
    }
}
