public import AmtswegCore

/// What can go wrong in storage, without leaking driver types: callers decide on these cases alone.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No object of that kind with that id exists for the tenant.
    case notFound(kind: EntityKind, id: String)
    /// The write contradicts what is stored (an id already taken, a reference still in use).
    case conflict(String)
    /// A save or review step that does not fit the process's versions: someone saved meanwhile, or the process
    /// is in review.
    case version(VersionError)
    /// The data breaks the domain's invariants; nothing was written.
    case invalid([MapIssue])
    /// The roadmap breaks its invariants (unknown goal, negative effort, a dependency cycle …); nothing was written.
    case invalidRoadmap([String])
    /// Other data that breaks its invariants — `what` names it ("Die Reifegradbewertung"); nothing was written.
    case invalidData(what: String, problems: [String])
    /// The database cannot be reached, opened or migrated.
    case unavailable(String)

    public var description: String {
        switch self {
        case .notFound(let kind, let id): "\(kind.label) '\(id)' gibt es nicht."
        case .conflict(let reason): "Konflikt beim Speichern: \(reason)"
        case .version(let error): error.description
        case .invalid(let issues):
            "Die Daten sind unvollständig oder widersprüchlich (\(issues.count) Befunde):\n"
                + issues.map { "  – \($0)" }.joined(separator: "\n")
        case .invalidRoadmap(let problems):
            "Der Fahrplan ist unvollständig oder widersprüchlich (\(problems.count) Befunde):\n"
                + problems.map { "  – \($0)" }.joined(separator: "\n")
        case .invalidData(let what, let problems):
            "\(what) ist unvollständig oder widersprüchlich (\(problems.count) Befunde):\n"
                + problems.map { "  – \($0)" }.joined(separator: "\n")
        case .unavailable(let reason): "Die Datenbank ist nicht verfügbar: \(reason)"
        }
    }
}
