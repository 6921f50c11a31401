/// A process tree: activities and silent steps (τ) as leaves, combined by sequence, exclusive choice,
/// parallelism and loops — what the inductive miner finds, and sound by construction.
public indirect enum ProcessTree: Hashable, Sendable {
    case activity(String)
    case silent
    case sequence([ProcessTree])
    case exclusiveChoice([ProcessTree])
    case parallel([ProcessTree])
    /// The first child is the body (do), the others the ways back to it (redo); leaving happens after the body.
    case loop([ProcessTree])

    /// pm4py's notation: `->( 'a', X( 'b', tau ) )`, `+(…)`, `*(…)`.
    public var notation: String {
        func children(_ symbol: String, _ nodes: [ProcessTree]) -> String {
            "\(symbol)( " + nodes.map(\.notation).joined(separator: ", ") + " )"
        }
        switch self {
        case .activity(let name): return "'\(name)'"
        case .silent: return "tau"
        case .sequence(let nodes): return children("->", nodes)
        case .exclusiveChoice(let nodes): return children("X", nodes)
        case .parallel(let nodes): return children("+", nodes)
        case .loop(let nodes): return children("*", nodes)
        }
    }

    /// The activities at the leaves, with repetitions, in tree order.
    public var activities: [String] {
        switch self {
        case .activity(let name): [name]
        case .silent: []
        case .sequence(let nodes), .exclusiveChoice(let nodes), .parallel(let nodes), .loop(let nodes):
            nodes.flatMap(\.activities)
        }
    }
}
