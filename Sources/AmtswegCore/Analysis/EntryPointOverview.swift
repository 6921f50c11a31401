/// Question 5: where requests arrive, by unit and channel.
public struct EntryPointOverview: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var unit: UnitRef
        public var channel: Channel
        public var channelLabel: String
        public var volumePerYear: Int
        public var serviceName: String?
    }

    public struct ChannelTotal: Hashable, Sendable, Codable {
        public var channel: Channel
        public var channelLabel: String
        public var volumePerYear: Int
        public var share: Double
    }

    public struct UnitTotal: Hashable, Sendable, Codable {
        public var unit: UnitRef
        public var volumePerYear: Int
        public var channelCount: Int
    }

    public static let title = "Eingangskanäle"
    public static let explanation =
        "Die Übersicht zeigt, wo Anfragen von innen und außen ankommen: bei welcher Einheit, über welchen Kanal und wie viele im Jahr."

    /// Entry points ordered by volume, largest first.
    public var rows: [Row]
    public var byChannel: [ChannelTotal]
    public var byUnit: [UnitTotal]
    /// Share of all requests that arrive on a digital channel.
    public var digitalShare: Double

    public init(_ index: MapIndex) {
        let entries = index.map.entryPoints
        rows = entries.map { entry in
            Row(
                unit: UnitRef(entry.unitID, in: index), channel: entry.channel, channelLabel: entry.channel.label,
                volumePerYear: entry.volumePerYear,
                serviceName: entry.serviceID.map { index.servicesByID[$0]?.name ?? $0.rawValue })
        }.sorted { ($1.volumePerYear, $0.unit.id, $0.channel) < ($0.volumePerYear, $1.unit.id, $1.channel) }
        let total = entries.reduce(0) { $0 + $1.volumePerYear }
        func share(_ part: Int) -> Double { total == 0 ? 0 : Double(part) / Double(total) }
        var perChannel: [Channel: Int] = [:]
        var perUnit: [ID<OrgUnit>: (volume: Int, channels: Set<Channel>)] = [:]
        for entry in entries {
            perChannel[entry.channel, default: 0] += entry.volumePerYear
            perUnit[entry.unitID, default: (0, [])].volume += entry.volumePerYear
            perUnit[entry.unitID, default: (0, [])].channels.insert(entry.channel)
        }
        byChannel = perChannel.map {
            ChannelTotal(channel: $0.key, channelLabel: $0.key.label, volumePerYear: $0.value, share: share($0.value))
        }
        .sorted { ($1.volumePerYear, $0.channel) < ($0.volumePerYear, $1.channel) }
        byUnit = perUnit.map {
            UnitTotal(
                unit: UnitRef($0.key, in: index), volumePerYear: $0.value.volume, channelCount: $0.value.channels.count)
        }
        .sorted { ($1.volumePerYear, $0.unit.id) < ($0.volumePerYear, $1.unit.id) }
        digitalShare = share(perChannel.filter { $0.key.isDigital }.reduce(0) { $0 + $1.value })
    }
}
