/// One thing wrong with a tenant's map, naming the object and the cause so a person can fix it.
public struct MapIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Cause: Hashable, Sendable, Codable {
        case duplicateID
        case malformedID
        case emptyName
        case unknownReference(field: String, kind: EntityKind, id: String)
        case orgCycle(path: [String])
        case invalidAGS(String)
        case invalidNumber(field: String, value: String)
        case invalidTaskGroup(Int)
        case invalidProductArea(String)
        case selfReference(field: String)
        case duplicateEntry
    }

    public var kind: EntityKind
    /// The id of the object (for responsibilities and awareness a composite "task/assignee/R").
    public var id: String
    public var cause: Cause

    public init(kind: EntityKind, id: String, cause: Cause) {
        self.kind = kind
        self.id = id
        self.cause = cause
    }

    /// The cause in plain German.
    public var message: String {
        switch cause {
        case .duplicateID: "Die Kennung '\(id)' ist mehrfach vergeben."
        case .malformedID: "Die Kennung '\(id)' ist leer, zu lang oder enthält Steuerzeichen."
        case .emptyName: "Die Bezeichnung fehlt."
        case .unknownReference(let field, let kind, let ref):
            "'\(field)' verweist auf \(kind.label) '\(ref)', die es nicht gibt."
        case .orgCycle(let path):
            "Die Organisationsstruktur enthält einen Kreis: \(path.joined(separator: " → "))."
        case .invalidAGS(let ags):
            "'\(ags)' ist kein Amtlicher Gemeindeschlüssel (8 Ziffern, beginnend mit dem Länderschlüssel 01–16)."
        case .invalidNumber(let field, let value): "'\(value)' ist kein zulässiger Wert für '\(field)'."
        case .invalidTaskGroup(let group): "Aufgabenhauptgruppe \(group) gibt es nicht (zulässig: 1–8)."
        case .invalidProductArea(let area): "Produktbereich '\(area)' gibt es nicht (zulässig: 01–17)."
        case .selfReference(let field): "'\(field)' verweist auf das Objekt selbst."
        case .duplicateEntry: "Dieser Eintrag ist doppelt vorhanden."
        }
    }

    public var description: String { "\(kind.label) '\(id)': \(message)" }
}
