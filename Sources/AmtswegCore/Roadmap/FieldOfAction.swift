/// A field of action (Handlungsfeld): a group of initiatives under one heading, either operational (how units
/// work together day to day, now) or strategic (new and better services, in the medium term).
public struct FieldOfAction: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case operational, strategic

        public var label: String { self == .operational ? "operativ" : "strategisch" }
    }

    public var id: ID<FieldOfAction>
    public var name: String
    public var kind: Kind
    public var description: String
    /// The goals the field serves.
    public var goalIDs: [ID<Goal>]

    public init(id: ID<FieldOfAction>, name: String, kind: Kind, description: String = "", goalIDs: [ID<Goal>] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.goalIDs = goalIDs
    }
}
