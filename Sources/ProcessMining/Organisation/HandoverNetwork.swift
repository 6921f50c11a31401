/// Who hands work to whom: for every two consecutive events of a case, a hand-over from the first event's
/// performer to the second's — between resources, or between the units they belong to (`group`). At resource
/// level the counts are pm4py's hand-over-of-work network (`beta = 0`, hand-overs to oneself included; `share`
/// is pm4py's value); at unit level work that stays in a unit is not a hand-over.
///
/// Resources are pseudonyms unless the log was read with them kept; figures per person should only be shown
/// when a tenant has switched them on.
public struct HandoverNetwork: Sendable, Codable {
    public struct Handover: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        public var count: Int
        /// This hand-over's part of all counted hand-overs.
        public var share: Double
    }

    /// Most frequent first.
    public var handovers: [Handover]
    /// Consecutive event pairs with both performers known (and, for units, in different units).
    public var total: Int

    /// Between resources.
    public init(resourcesOf log: EventLog) {
        self.init(log, group: { $0 }, countingWithinGroup: true)
    }

    /// Between the groups `unitOf` puts resources in (units, departments); resources it does not know are left out.
    public init(unitsOf log: EventLog, unitOf: (String) -> String?) {
        self.init(log, group: unitOf, countingWithinGroup: false)
    }

    private init(_ log: EventLog, group: (String) -> String?, countingWithinGroup: Bool) {
        let groupOfResource = (0..<log.resources.count).map { group(log.resources[Int32($0)]) }
        var counts: [Pair: Int] = [:]
        for c in 0..<log.caseCount {
            let events = log.events(ofCase: c)
            for event in events.dropLast() {
                let from = log.resource[event], to = log.resource[event + 1]
                guard from >= 0, to >= 0, let a = groupOfResource[Int(from)], let b = groupOfResource[Int(to)] else {
                    continue
                }
                if a == b && !countingWithinGroup { continue }
                counts[Pair(from: a, to: b), default: 0] += 1
            }
        }
        total = counts.values.reduce(0, +)
        let total = total
        handovers = counts.map { pair, count in
            Handover(from: pair.from, to: pair.to, count: count, share: Double(count) / Double(max(total, 1)))
        }
        .sorted { ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to) }
    }

    struct Pair: Hashable {
        var from: String
        var to: String
    }
}
