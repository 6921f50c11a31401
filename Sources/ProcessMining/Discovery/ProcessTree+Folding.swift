extension ProcessTree {
    /// The same behaviour with fewer nodes, as pm4py simplifies discovered trees: silent steps dropped from
    /// sequences and parallel blocks, at most one kept in a choice, a loop of two silent steps reduced to one,
    /// nested operators of the same kind merged (`X(X(a, b), c)` is `X(a, b, c)`), and one-child operators
    /// replaced by their child.
    public func folded() -> ProcessTree {
        switch self {
        case .activity, .silent: return self
        case .sequence(let children):
            return Self.fold(children.map { $0.folded() }, dropSilent: true, into: Self.sequence)
        case .parallel(let children):
            return Self.fold(children.map { $0.folded() }, dropSilent: true, into: Self.parallel)
        case .exclusiveChoice(let children):
            return Self.fold(children.map { $0.folded() }, dropSilent: false, into: Self.exclusiveChoice)
        case .loop(let children):
            let folded = children.map { $0.folded() }
            return folded.allSatisfy { $0 == .silent } ? .silent : .loop(folded)
        }
    }

    private static func fold(
        _ children: [ProcessTree], dropSilent: Bool, into make: ([ProcessTree]) -> ProcessTree
    ) -> ProcessTree {
        var flat: [ProcessTree] = []
        var hasSilent = false
        for child in children {
            if child == .silent {
                if !dropSilent && !hasSilent { flat.append(child) }
                hasSilent = true
            } else if let grandchildren = child.children(ifMadeBy: make) {
                flat += grandchildren
            } else {
                flat.append(child)
            }
        }
        switch flat.count {
        case 0: return .silent
        case 1: return flat[0]
        default: return make(flat)
        }
    }

    /// The children if this node is the operator `make` builds (sequence, parallel or choice).
    private func children(ifMadeBy make: ([ProcessTree]) -> ProcessTree) -> [ProcessTree]? {
        switch (self, make([])) {
        case (.sequence(let children), .sequence), (.parallel(let children), .parallel),
            (.exclusiveChoice(let children), .exclusiveChoice):
            children
        default: nil
        }
    }
}
