/// The level of an organisation unit in the classic municipal structure.
public enum OrgUnitKind: String, CaseIterable, Sendable, Codable, Comparable {
    case dezernat, amt, fachbereich, abteilung, sachgebiet, stabsstelle

    /// The German label shown to users.
    public var label: String {
        switch self {
        case .dezernat: "Dezernat"
        case .amt: "Amt"
        case .fachbereich: "Fachbereich"
        case .abteilung: "Abteilung"
        case .sachgebiet: "Sachgebiet"
        case .stabsstelle: "Stabsstelle"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
