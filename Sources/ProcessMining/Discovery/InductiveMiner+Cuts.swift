/// The four cuts of the inductive miner on a directly-follows graph, as pm4py finds them (same merging rules
/// and group order). Groups are lists of local activity indices.
extension LocalDFG {
    /// Exclusive choice: the connected components of the graph without directions, ordered by their sorted names.
    func exclusiveChoiceCut() -> [[Int]]? {
        let nodes = vertices
        let groups = components(of: nodes) { a, b in hasEdge(a, b) || hasEdge(b, a) }
        return groups.count > 1 ? groups.sorted { $0.lexicographicallyPrecedes($1) } : nil
    }

    /// Sequence: activities are merged while they reach each other both ways or not at all; the groups in
    /// order of reachability; then pm4py's strict-sequence repair merges groups that could be skipped.
    func sequenceCut() -> [[Int]]? {
        let nodes = vertices
        guard !nodes.isEmpty else { return nil }
        let reach = reachability()
        var groups = components(of: nodes) { a, b in reach[a][b] == reach[b][a] }
        guard groups.count > 1 else { return nil }
        func key(_ group: [Int]) -> Int {
            let a = group[0]
            let predecessors = nodes.count { reach[$0][a] && $0 != a }
            let successors = nodes.count { reach[a][$0] && $0 != a }
            return predecessors + (nodes.count - successors)
        }
        groups = groups.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(
            \.element)
        return strictSequence(groups)
    }

    private func strictSequence(_ groups: [[Int]]) -> [[Int]]? {
        var groups = groups.map(Set.init)
        var groupOf = Array(repeating: -1, count: count)
        for (index, group) in groups.enumerated() { for a in group { groupOf[a] = index } }
        let big = Int.max
        var mf = groups.map { $0.contains { starts[$0] > 0 } ? -big : big }
        var mt = groups.map { $0.contains { ends[$0] > 0 } ? big : -big }
        for a in 0..<count where groupOf[a] >= 0 {
            for b in 0..<count where groupOf[b] >= 0 && hasEdge(a, b) {
                mf[groupOf[b]] = min(mf[groupOf[b]], groupOf[a])
                mt[groupOf[a]] = max(mt[groupOf[a]], groupOf[b])
            }
        }
        func skippable(_ p: Int) -> Bool {
            for i in 0..<p {
                for j in (p + 1)..<max(p + 1, groups.count) {
                    for a in groups[i] where groups[j].contains(where: { hasEdge(a, $0) }) { return true }
                }
            }
            for i in (p + 1)..<max(p + 1, groups.count) where groups[i].contains(where: { starts[$0] > 0 }) {
                return true
            }
            for i in 0..<p where groups[i].contains(where: { ends[$0] > 0 }) { return true }
            return false
        }
        for p in 0..<groups.count where skippable(p) {
            var q = p - 1
            while q >= 0 && mt[q] <= p {
                groups[p].formUnion(groups[q])
                groups[q] = []
                q -= 1
            }
            q = p + 1
            while q < mf.count && mf[q] >= p {
                groups[p].formUnion(groups[q])
                groups[q] = []
                q += 1
            }
        }
        let result = groups.filter { !$0.isEmpty }.map { $0.sorted() }
        return result.count > 1 ? result : nil
    }

    /// Parallel: activities are merged unless they follow each other both ways; groups by size, and a group
    /// without both a start and an end activity is merged into its neighbour.
    func parallelCut() -> [[Int]]? {
        let nodes = vertices
        guard !nodes.isEmpty else { return nil }
        var groups = components(of: nodes) { a, b in !(hasEdge(a, b) && hasEdge(b, a)) }
        groups = groups.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(
            \.element)
        var i = 0
        while i < groups.count && groups.count > 1 {
            if groups[i].contains(where: { starts[$0] > 0 }) && groups[i].contains(where: { ends[$0] > 0 }) {
                i += 1
                continue
            }
            let group = groups.remove(at: i)
            if i == 0 { groups[0] += group } else { groups[i - 1] += group }
        }
        return groups.count > 1 ? groups.map { $0.sorted() } : nil
    }

    /// Loop: start and end activities form the body; the components of the rest are ways back unless they
    /// connect to the body in a way a redo part cannot.
    func loopCut() -> [[Int]]? {
        guard edges.contains(where: { $0 > 0 }) else { return nil }
        let nodes = vertices
        let isStart = (0..<count).map { starts[$0] > 0 }, isEnd = (0..<count).map { ends[$0] > 0 }
        let body = nodes.filter { isStart[$0] || isEnd[$0] }
        let redo = components(of: nodes.filter { !isStart[$0] && !isEnd[$0] }) { a, b in
            hasEdge(a, b) || hasEdge(b, a)
        }
        // Group of each activity: 0 the body, k the k-th redo candidate; which candidates join the body.
        var group = [Int](repeating: -1, count: count)
        for a in body { group[a] = 0 }
        for (index, members) in redo.enumerated() { for a in members { group[a] = index + 1 } }
        var joins = [Bool](repeating: false, count: redo.count + 1)
        // Activities reached from a start that is not an end, and reaching an end that is not a start, belong
        // to the body.
        for a in nodes where isStart[a] && !isEnd[a] {
            for b in 0..<count where hasEdge(a, b) && group[b] >= 0 { joins[group[b]] = true }
        }
        for b in nodes where isEnd[b] && !isStart[b] {
            for a in 0..<count where hasEdge(a, b) && group[a] >= 0 { joins[group[a]] = true }
        }
        // A redo group that leads back to one start must lead back to every start, and one reached from an
        // end must be reached from every end.
        let startNodes = nodes.filter { isStart[$0] }, endNodes = nodes.filter { isEnd[$0] }
        for index in redo.indices where !joins[index + 1] {
            joins[index + 1] = redo[index].contains { a in
                startNodes.contains { hasEdge(a, $0) } && startNodes.contains { !hasEdge(a, $0) }
            }
        }
        for index in redo.indices where !joins[index + 1] {
            joins[index + 1] = redo[index].contains { a in
                endNodes.contains { hasEdge($0, a) } && endNodes.contains { !hasEdge($0, a) }
            }
        }
        var groups = [body + redo.indices.filter { joins[$0 + 1] }.flatMap { redo[$0] }]
        groups += redo.indices.filter { !joins[$0 + 1] }.map { redo[$0] }
        groups = groups.filter { !$0.isEmpty }
        guard groups.count > 1 else { return nil }
        return [groups[0].sorted(), groups.dropFirst().flatMap { $0 }.sorted()]
    }

    /// Connected components of `nodes` under a symmetric relation, each sorted, ordered by their first node.
    private func components(of nodes: [Int], related: (Int, Int) -> Bool) -> [[Int]] {
        var component = [Int](repeating: -1, count: count)
        var groups: [[Int]] = []
        for start in nodes where component[start] < 0 {
            component[start] = groups.count
            var members = [start]
            var stack = [start]
            while let a = stack.popLast() {
                for b in nodes where component[b] < 0 && related(a, b) {
                    component[b] = groups.count
                    members.append(b)
                    stack.append(b)
                }
            }
            groups.append(members.sorted())
        }
        return groups
    }
}
