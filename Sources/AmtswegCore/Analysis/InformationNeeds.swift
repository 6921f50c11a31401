/// Question 2: what information each unit receives, from whom, how and how often.
public struct InformationNeeds: Hashable, Sendable, Codable {
    public struct Need: Hashable, Sendable, Codable {
        public var from: String
        public var informationObject: String?
        public var channel: Channel
        public var medium: Medium
        public var frequencyPerYear: Int
    }

    public struct UnitNeeds: Hashable, Sendable, Codable {
        public var unit: UnitRef
        /// Distinct senders (units, positions of other units, external parties).
        public var senderCount: Int
        public var volumePerYear: Int
        /// Incoming flows ordered by frequency, largest first.
        public var needs: [Need]
    }

    public static let title = "Informationsbedarf"
    public static let explanation =
        "Die Übersicht zeigt für jede Organisationseinheit, welche Informationen sie von wem über welchen Kanal und wie oft erhält."

    /// Units ordered by id.
    public var units: [UnitNeeds]

    public init(_ index: MapIndex) {
        var incoming: [ID<OrgUnit>: [InformationFlow]] = [:]
        for flow in index.map.flows {
            guard let receiver = index.unit(of: flow.to) else { continue }
            if let sender = index.unit(of: flow.from), sender == receiver { continue }  // internal to the unit
            incoming[receiver, default: []].append(flow)
        }
        units = incoming.map { unitID, flows in
            let needs = flows.map { flow in
                Need(
                    from: index.name(of: flow.from), informationObject: index.objectName(flow.objectID),
                    channel: flow.channel, medium: flow.medium, frequencyPerYear: flow.frequencyPerYear)
            }.sorted {
                ($1.frequencyPerYear, $0.from, $0.informationObject ?? "") < (
                    $0.frequencyPerYear, $1.from, $1.informationObject ?? ""
                )
            }
            return UnitNeeds(
                unit: UnitRef(unitID, in: index), senderCount: Set(flows.map(\.from)).count,
                volumePerYear: flows.reduce(0) { $0 + $1.frequencyPerYear }, needs: needs)
        }.sorted { $0.unit < $1.unit }
    }
}
