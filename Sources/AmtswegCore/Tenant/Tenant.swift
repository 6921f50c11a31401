/// One municipality (Kommune). Every stored object belongs to exactly one tenant.
public struct Tenant: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Tenant>
    public var name: String
    /// Amtlicher Gemeindeschlüssel: eight digits (Land, Regierungsbezirk, Kreis, Gemeinde).
    public var ags: String
    public var population: Int

    public init(id: ID<Tenant>, name: String, ags: String, population: Int) {
        self.id = id
        self.name = name
        self.ags = ags
        self.population = population
    }

    /// Whether `ags` has the form of an Amtlicher Gemeindeschlüssel: exactly eight ASCII digits,
    /// the first two a Land code (01–16).
    public static func isValidAGS(_ ags: String) -> Bool {
        guard ags.count == 8, ags.allSatisfy({ $0.isASCII && $0.isNumber }), let land = Int(ags.prefix(2)) else {
            return false
        }
        return (1...16).contains(land)
    }
}
