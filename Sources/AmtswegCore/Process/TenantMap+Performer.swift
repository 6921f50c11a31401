extension TenantMap {
    /// What the UI calls a performer: the position's title, the role's or unit's name (the id if unknown).
    public func name(of performer: Performer) -> String {
        switch performer {
        case .position(let id): positions.first { $0.id == id }?.title ?? id.rawValue
        case .role(let id): roles.first { $0.id == id }?.name ?? id.rawValue
        case .unit(let id): units.first { $0.id == id }?.name ?? id.rawValue
        }
    }

    /// Whether the position, role or unit exists in the organisation.
    public func knows(_ performer: Performer) -> Bool {
        switch performer {
        case .position(let id): positions.contains { $0.id == id }
        case .role(let id): roles.contains { $0.id == id }
        case .unit(let id): units.contains { $0.id == id }
        }
    }

    /// The service with this id or LeiKa key.
    public func service(matching idOrLeiKa: String) -> Service? {
        services.first { $0.id.rawValue == idOrLeiKa || $0.leikaKey.rawValue == idOrLeiKa }
    }
}
