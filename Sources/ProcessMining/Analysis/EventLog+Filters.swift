/// Filters that narrow a log before analysing it; each returns a new log, so they compose
/// (`log.keepingCases(in: window).keepingTopVariants(covering: 0.8)`).
extension EventLog {
    /// The log with only the cases `keep` accepts (cases keep their order and all their events).
    public func keepingCases(where keep: (Int) -> Bool) -> EventLog {
        rebuilt(keepingCase: keep, keepingEvent: { _ in true })
    }

    /// A new log of the cases and events accepted; cases left without events are dropped.
    private func rebuilt(keepingCase: (Int) -> Bool, keepingEvent: (Int) -> Bool) -> EventLog {
        var builder = EventLogBuilder()
        for c in 0..<caseCount where keepingCase(c) {
            let events = self.events(ofCase: c).filter(keepingEvent)
            guard !events.isEmpty || self.events(ofCase: c).isEmpty else { continue }
            let index = builder.addCase(caseIDs[c], attributes: caseAttributes[c])
            for event in events {
                var attributes: [String: AttributeValue] = [:]
                for (key, column) in eventAttributes { if let value = column[event] { attributes[key] = value } }
                builder.addEvent(
                    case: index, activity: activities[activity[event]], timestamp: timestamp[event],
                    resource: resource[event] < 0 ? nil : resources[resource[event]], lifecycle: lifecycle[event],
                    attributes: attributes)
            }
        }
        return builder.build()
    }

    /// The cases of the most frequent variants that together cover at least `share` (0…1) of all cases; ties at
    /// the boundary are kept in order of first appearance.
    public func keepingTopVariants(covering share: Double) -> EventLog {
        let target = Double(caseCount) * min(max(share, 0), 1)
        let grouping = TraceVariants(self)
        var kept = Set<Int32>(), covered = 0.0
        for variant in grouping.byFrequency where covered < target {
            kept.insert(Int32(variant))
            covered += Double(grouping.counts[variant])
        }
        return keepingCases { kept.contains(grouping.variantOfCase[$0]) }
    }

    /// The cases that lie in a time window: all their events (`contained`) or any of them (`intersecting`).
    public func keepingCases(from start: Int64, to end: Int64, contained: Bool = true) -> EventLog {
        keepingCases { c in
            let stamps = events(ofCase: c).map { timestamp[$0] }.filter { $0 != EventLog.noTimestamp }
            guard !stamps.isEmpty else { return false }
            return contained
                ? stamps.allSatisfy { (start...end).contains($0) } : stamps.contains { (start...end).contains($0) }
        }
    }

    /// The cases whose case attribute `key` has one of `values` (compared as text).
    public func keepingCases(withAttribute key: String, in values: Set<String>) -> EventLog {
        keepingCases { c in caseAttributes[c][key].map { values.contains(XESLogAssembler.text($0)) } ?? false }
    }

    /// The log without the events of activities that occur in fewer than `share` (0…1) of all events; cases
    /// left empty are dropped.
    public func removingRareActivities(below share: Double) -> EventLog {
        var counts = [Int](repeating: 0, count: activities.count)
        for code in activity { counts[Int(code)] += 1 }
        let minimum = Double(eventCount) * share
        let rare = Set(counts.indices.filter { Double(counts[$0]) < minimum }.map { Int32($0) })
        guard !rare.isEmpty else { return self }
        return rebuilt(keepingCase: { _ in true }, keepingEvent: { !rare.contains(activity[$0]) })
    }

    /// The log with only the most frequent `percent` (1…100) of its activities, rounded up, at least one: the
    /// process map's activity slider. Activities as frequent as the last one kept stay too.
    public func keepingFrequentActivities(percent: Int) -> EventLog {
        guard percent < 100, eventCount > 0 else { return self }
        var counts = [Int](repeating: 0, count: activities.count)
        for code in activity { counts[Int(code)] += 1 }
        let present = counts.filter { $0 > 0 }.sorted(by: >)
        let keep = max(1, Int((Double(present.count) * Double(max(percent, 1)) / 100).rounded(.up)))
        let minimum = present[min(keep, present.count) - 1]
        let rare = Set(counts.indices.filter { counts[$0] < minimum }.map { Int32($0) })
        guard !rare.isEmpty else { return self }
        return rebuilt(keepingCase: { _ in true }, keepingEvent: { !rare.contains(activity[$0]) })
    }

    /// The cases that take no rare path: every step from one activity to the next they contain occurs in at
    /// least `share` (0…1) of all such steps in the log. Exceptions and data errors usually travel rare paths;
    /// the DFG's path slider uses this.
    public func keepingCasesOnFrequentPaths(share: Double) -> EventLog {
        var counts: [Int64: Int] = [:]
        func key(_ event: Int) -> Int64 { Int64(activity[event - 1]) << 32 | Int64(activity[event]) }
        var total = 0
        for c in 0..<caseCount {
            for event in events(ofCase: c).dropFirst() {
                counts[key(event), default: 0] += 1
                total += 1
            }
        }
        let minimum = Double(total) * share
        return keepingCases { c in
            events(ofCase: c).dropFirst().allSatisfy { Double(counts[key($0)]!) >= minimum }
        }
    }
}
