/// A node of the organisation tree: Dezernat, Amt, Fachbereich, Abteilung, Sachgebiet or Stabsstelle.
public struct OrgUnit: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<OrgUnit>
    public var name: String
    public var kind: OrgUnitKind
    /// The unit above this one; `nil` for the top of the tree (Verwaltungsspitze, Dezernate).
    public var parentID: ID<OrgUnit>?
    /// Classic KGSt office number ("32" for the Ordnungsamt), where the municipality uses one.
    public var officeNumber: String?

    public init(
        id: ID<OrgUnit>, name: String, kind: OrgUnitKind, parentID: ID<OrgUnit>? = nil, officeNumber: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.officeNumber = officeNumber
    }
}
