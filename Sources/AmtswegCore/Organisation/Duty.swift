/// A standing task (Aufgabe) of a unit.
///
/// Called `Duty` in code because `Task` is Swift's concurrency type; the UI says "Aufgabe".
public struct Duty: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Duty>
    public var name: String
    public var unitID: ID<OrgUnit>
    /// KGSt Aufgabenhauptgruppe 1–8 (1 Allgemeine Verwaltung … 8 Wirtschaft und Verkehr).
    public var taskGroup: Int?
    /// NKF Produktbereich "01"–"17".
    public var productArea: String?

    public init(id: ID<Duty>, name: String, unitID: ID<OrgUnit>, taskGroup: Int? = nil, productArea: String? = nil) {
        self.id = id
        self.name = name
        self.unitID = unitID
        self.taskGroup = taskGroup
        self.productArea = productArea
    }
}
