/// Lookups over a catalogue, built once per page or analysis: from a LeiKa key through the OZG-Leistung and its
/// Lage up to the Themenfeld.
public struct OZGIndex: Sendable {
    /// Where a service of the tenant sits in the catalogue. The OZG levels are `nil` where the catalogue maps
    /// the LeiKa entry to no OZG-Leistung.
    public struct Placement: Hashable, Sendable {
        public var entry: LeiKaEntry
        public var service: OZGService?
        public var situation: OZGSituation?
        public var topic: OZGTopic?
    }

    public let catalogue: OZGCatalogue
    public let topicsByID: [Int: OZGTopic]
    public let situationsByID: [Int: OZGSituation]
    public let servicesByID: [Int: OZGService]
    public let entriesByKey: [LeiKaKey: LeiKaEntry]

    public init(_ catalogue: OZGCatalogue) {
        self.catalogue = catalogue
        topicsByID = Dictionary(catalogue.topics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        situationsByID = Dictionary(catalogue.situations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        servicesByID = Dictionary(catalogue.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        entriesByKey = Dictionary(
            catalogue.entries.compactMap { entry in entry.key.map { ($0, entry) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The placement of a LeiKa key; `nil` when the key is not in the catalogue (the service is flagged, not
    /// refused: the catalogue is a snapshot and keys are added every year).
    public func placement(of key: LeiKaKey) -> Placement? {
        guard let entry = entriesByKey[key] else { return nil }
        let service = entry.ozgServiceID.flatMap { servicesByID[$0] }
        let situation = service.flatMap { situationsByID[$0.situationID] }
        let topic = situation.flatMap { topicsByID[$0.topicID] }
        return Placement(entry: entry, service: service, situation: situation, topic: topic)
    }

    /// The LeiKa entries of one OZG-Leistung, by key.
    public func entries(of serviceID: Int) -> [LeiKaEntry] {
        catalogue.entries.filter { $0.ozgServiceID == serviceID }
    }
}
