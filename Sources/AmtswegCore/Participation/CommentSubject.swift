/// What a comment or an improvement proposal is about: a process, one of its steps, a problem spot, an
/// initiative of the roadmap, an information flow or a unit.
///
/// Written as "kind:id" (a step as "step:process/step"), the form stored and used in links, so that all
/// comments about one process — the process itself and each of its steps — are found by one prefix.
public enum CommentSubject: Hashable, Sendable, PrefixedReferenceCodable {
    case process(ID<ProcessModel>)
    case step(process: ID<ProcessModel>, step: String)
    /// A problem spot by its stable key (``ProblemSpot/key``): spots are recomputed, their keys stay.
    case problemSpot(String)
    case initiative(ID<Initiative>)
    case flow(ID<InformationFlow>)
    case unit(ID<OrgUnit>)

    public init?(reference: String) {
        guard let (kind, id) = PrefixedReference.split(reference) else { return nil }
        switch kind {
        case "process": self = .process(ID(id))
        case "step":
            // The process id comes first and may not hold a "/" (ids are path segments); the step's may.
            guard let slash = id.firstIndex(of: "/"), slash != id.startIndex, id.index(after: slash) != id.endIndex
            else { return nil }
            self = .step(process: ID(String(id[..<slash])), step: String(id[id.index(after: slash)...]))
        case "problem": self = .problemSpot(id)
        case "initiative": self = .initiative(ID(id))
        case "flow": self = .flow(ID(id))
        case "unit": self = .unit(ID(id))
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .process(let id): "process:\(id)"
        case .step(let process, let step): "step:\(process)/\(step)"
        case .problemSpot(let key): "problem:\(key)"
        case .initiative(let id): "initiative:\(id)"
        case .flow(let id): "flow:\(id)"
        case .unit(let id): "unit:\(id)"
        }
    }

    /// The process the subject belongs to, for a process and its steps.
    public var processID: ID<ProcessModel>? {
        switch self {
        case .process(let id), .step(let id, _): id
        default: nil
        }
    }

    /// What the subject is, in German, for headings and the audit log ("Schritt", "Prozess").
    public var kindLabel: String {
        switch self {
        case .process: "Prozess"
        case .step: "Schritt"
        case .problemSpot: "Problemstelle"
        case .initiative: "Maßnahme"
        case .flow: "Informationsfluss"
        case .unit: "Organisationseinheit"
        }
    }
}
