extension TenantMap {
    /// What the UI calls a performer: the position's title, the role's or unit's name (the id if unknown).
    public func name(of performer: Performer) -> String {
        switch performer {
        case .position(let id): positions.first { $0.id == id }?.title ?? id.rawValue
        case .role(let id): roles.first { $0.id == id }?.name ?? id.rawValue
        case .unit(let id): units.first { $0.id == id }?.name ?? id.rawValue
        }
    }

    /// The service with this id or LeiKa key.
    public func service(matching idOrLeiKa: String) -> Service? {
        services.first { $0.id.rawValue == idOrLeiKa || $0.leikaKey.rawValue == idOrLeiKa }
    }
}
