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

extension FieldOfAction {
    enum CodingKeys: String, CodingKey { case id, name, kind, description, goalIDs }

    /// `description` and `goalIDs` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID<FieldOfAction>.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            kind: try c.decode(Kind.self, forKey: .kind),
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            goalIDs: try c.decodeIfPresent([ID<Goal>].self, forKey: .goalIDs) ?? [])
    }
}
