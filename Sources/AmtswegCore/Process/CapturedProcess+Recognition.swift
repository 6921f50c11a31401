extension CapturedProcess {
    /// The step list of a process, where its structure allows: one start and one end, steps in sequence,
    /// choices and parallel work that split at one gateway and meet again at one, and loops back to an earlier
    /// step from a choice. `nil` for any other shape (the diagram is then the only view).
    public init?(process: ProcessModel) {
        var parser = Parser(process: process)
        guard let start = process.nodes.first(where: { $0.kind == .start }),
            process.nodes.filter({ $0.kind == .start }).count == 1,
            let (items, last) = parser.sequence(from: parser.next(start.id)),
            process.nodes.first(where: { $0.id == last })?.kind == .end, parser.visitedAll
        else { return nil }
        self.init(
            id: process.id, name: process.name, serviceID: process.serviceID, ownerUnitID: process.ownerUnitID,
            state: process.state, istID: process.istID, items: items)
    }

    private struct Parser {
        let process: ProcessModel
        let nodes: [String: ProcessNode]
        let outgoing: [String: [ProcessFlow]]
        let incomingCount: [String: Int]
        var seen = Set<String>()

        init(process: ProcessModel) {
            self.process = process
            nodes = Dictionary(process.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            outgoing = Dictionary(grouping: process.flows, by: \.sourceID)
            incomingCount = process.flows.reduce(into: [:]) { $0[$1.targetID, default: 0] += 1 }
        }

        var visitedAll: Bool {
            process.nodes.allSatisfy { $0.kind == .start || $0.kind == .end || seen.contains($0.id) }
        }

        func next(_ id: String) -> String? {
            guard let flows = outgoing[id], flows.count == 1 else { return nil }
            return flows[0].targetID
        }

        func isMerge(_ node: ProcessNode) -> Bool {
            (node.kind == .exclusive || node.kind == .parallel) && (incomingCount[node.id] ?? 0) > 1
                && (outgoing[node.id]?.count ?? 0) == 1
        }

        /// Items from `id` on, up to the end or a merging gateway, which is returned.
        mutating func sequence(from id: String?) -> ([CapturedItem], String)? {
            var items: [CapturedItem] = []
            var current = id
            while let id = current, let node = nodes[id] {
                if node.kind == .end || isMerge(node) { return (items, id) }
                guard !seen.contains(id) else { return nil }
                seen.insert(id)
                switch node.kind {
                case .step:
                    var details = node.step ?? StepDetails()
                    details.performer = process.performer(of: node)
                    items.append(.step(id: id, name: node.name, details: details))
                    current = next(id)
                case .exclusive, .parallel:
                    let flows = outgoing[id] ?? []
                    if node.kind == .exclusive, flows.count == 2,
                        let back = flows.firstIndex(where: {
                            seen.contains($0.targetID) && nodes[$0.targetID]?.kind == .step
                        })
                    {
                        let flow = flows[back]
                        items.append(.goBack(toStepID: flow.targetID, share: flow.share ?? 0.5, label: node.name))
                        current = flows[1 - back].targetID
                        continue
                    }
                    guard flows.count > 1 else { return nil }
                    var branches: [CapturedBranch] = []
                    var merge: String?
                    for flow in flows {
                        guard let (branchItems, end) = sequence(from: flow.targetID), merge == nil || merge == end,
                            nodes[end]?.kind == node.kind
                        else { return nil }
                        merge = end
                        branches.append(
                            CapturedBranch(
                                label: flow.name, share: node.kind == .exclusive ? flow.share : nil, items: branchItems)
                        )
                    }
                    guard let merge else { return nil }
                    seen.insert(merge)
                    items.append(
                        node.kind == .exclusive
                            ? .choice(question: node.name, branches: branches) : .parallel(branches: branches))
                    current = next(merge)
                default:
                    return nil
                }
            }
            return nil
        }
    }
}
