/// The distinct activity sequences of a log as code arrays, in order of first appearance, with how many cases
/// follow each and which variant each case follows: the one grouping that variants, variant filters, replay
/// and alignment all use, so each sequence is found once and checked once.
struct TraceVariants {
    var traces: [[Int32]] = []
    var counts: [Int] = []
    /// Per case: the index of its variant in `traces`.
    var variantOfCase: [Int32] = []

    init(_ log: EventLog) {
        // An open-addressing table keyed by an FNV-1a hash of the codes; sequences are compared in place, so a
        // case of a known variant allocates nothing.
        var size = 16
        while size < log.caseCount * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        variantOfCase.reserveCapacity(log.caseCount)
        var hashes: [UInt64] = []
        let mask = size - 1
        log.activity.withUnsafeBufferPointer { activity in
            for c in 0..<log.caseCount {
                let events = log.events(ofCase: c)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for event in events { hash = (hash ^ UInt64(UInt32(bitPattern: activity[event]))) &* 0x100_0000_01b3 }
                let slice = UnsafeBufferPointer(rebasing: activity[events])
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
                while true {
                    let variant = Int(slots[slot])
                    if variant < 0 {
                        slots[slot] = Int32(traces.count)
                        variantOfCase.append(Int32(traces.count))
                        hashes.append(hash)
                        traces.append(Array(slice))
                        counts.append(1)
                        break
                    }
                    if hashes[variant] == hash && traces[variant].elementsEqual(slice) {
                        counts[variant] += 1
                        variantOfCase.append(Int32(variant))
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}

extension TraceVariants {
    /// Variant indices, most frequent first; equal counts in order of first appearance.
    var byFrequency: [Int] {
        traces.indices.sorted { (counts[$1], $0) < (counts[$0], $1) }
    }
}
