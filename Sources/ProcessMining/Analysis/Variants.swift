import Foundation

/// Variants: the distinct sequences of activities cases follow, with how many cases follow each and how long
/// they take (first to last timestamp).
public struct Variants: Sendable {
    public struct Variant: Hashable, Sendable, Codable {
        public var activities: [String]
        public var count: Int
        /// Mean case duration in seconds (cases with timestamps).
        public var meanDurationSeconds: Double?
    }

    /// Most frequent first; equal counts in order of first appearance.
    public var variants: [Variant]

    public init(_ log: EventLog) {
        // Sequences are found by an FNV-1a hash of their activity codes (cheaper than hashing slices with
        // SipHash), then compared in full.
        var byHash: [UInt64: [Int]] = [:]
        var sequences: [Range<Int>] = []  // the events of the first case of each variant
        var counts: [Int] = []
        var durations: [(sum: Double, count: Int)] = []
        log.activity.withUnsafeBufferPointer { activity in
            for c in 0..<log.caseCount {
                let events = log.events(ofCase: c)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for event in events { hash = (hash ^ UInt64(UInt32(bitPattern: activity[event]))) &* 0x100_0000_01b3 }
                var v = -1
                for candidate in byHash[hash] ?? [] {
                    let known = sequences[candidate]
                    if known.count == events.count
                        && memcmp(
                            activity.baseAddress! + known.lowerBound, activity.baseAddress! + events.lowerBound,
                            events.count * MemoryLayout<Int32>.stride) == 0
                    {
                        v = candidate
                        break
                    }
                }
                if v < 0 {
                    v = sequences.count
                    byHash[hash, default: []].append(v)
                    sequences.append(events)
                    counts.append(0)
                    durations.append((0, 0))
                }
                counts[v] += 1
                if let first = events.first, let last = events.last, log.timestamp[first] != EventLog.noTimestamp,
                    log.timestamp[last] != EventLog.noTimestamp
                {
                    durations[v].sum += Double(log.timestamp[last] - log.timestamp[first]) / 1_000
                    durations[v].count += 1
                }
            }
        }
        variants = sequences.indices.sorted { (counts[$1], $0) < (counts[$0], $1) }.map { v in
            Variant(
                activities: sequences[v].map { log.activities[log.activity[$0]] }, count: counts[v],
                meanDurationSeconds: durations[v].count > 0 ? durations[v].sum / Double(durations[v].count) : nil)
        }
    }
}
