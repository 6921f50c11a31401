/// Who works on the same cases: for every two performers (resources or units), the number of cases both
/// worked on, and that number's share of all cases (pm4py's working-together network, at resource level).
public struct WorkingTogetherNetwork: Sendable, Codable {
    public struct Pair: Hashable, Sendable, Codable {
        /// The two performers in name order.
        public var first: String
        public var second: String
        public var cases: Int
        public var share: Double
    }

    /// Most shared cases first.
    public var pairs: [Pair]

    public init(resourcesOf log: EventLog) { self.init(log, group: { $0 }) }

    public init(unitsOf log: EventLog, unitOf: (String) -> String?) { self.init(log, group: unitOf) }

    private init(_ log: EventLog, group: (String) -> String?) {
        let groupOfResource = (0..<log.resources.count).map { group(log.resources[Int32($0)]) }
        var counts: [HandoverNetwork.Pair: Int] = [:]
        for c in 0..<log.caseCount {
            let members = Set(
                log.events(ofCase: c).compactMap { event -> String? in
                    let resource = log.resource[event]
                    return resource >= 0 ? groupOfResource[Int(resource)] : nil
                }
            ).sorted()
            for (index, first) in members.enumerated() {
                for second in members[(index + 1)...] {
                    counts[HandoverNetwork.Pair(from: first, to: second), default: 0] += 1
                }
            }
        }
        let cases = max(log.caseCount, 1)
        pairs = counts.map { pair, count in
            Pair(first: pair.from, second: pair.to, cases: count, share: Double(count) / Double(cases))
        }
        .sorted { ($0.cases, $1.first, $1.second) > ($1.cases, $0.first, $0.second) }
    }
}
