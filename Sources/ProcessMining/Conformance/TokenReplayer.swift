/// Token-based replay of one trace on an accepting Petri net, following pm4py's algorithm so that fitness
/// agrees: an event fires a transition with its activity (an enabled one if there is one); a transition that is
/// not enabled is first helped by silent transitions along the shortest silent paths from marked places, and
/// gets missing tokens only if that fails; at the end silent transitions are fired towards the final marking.
/// Events whose activity the net does not know are skipped, as pm4py does.
struct TokenReplayer {
    struct TraceResult: Hashable, Sendable {
        var missing = 0
        var consumed = 0
        var remaining = 0
        var produced = 0
        var isFit = false
        /// Transitions that needed missing tokens, once per time it happened.
        var problems: [Int] = []
        /// Events whose activity no transition carries.
        var unknownEvents = 0

        /// 0.5 · (1 − missing/consumed) + 0.5 · (1 − remaining/produced).
        var fitness: Double {
            guard consumed > 0 && produced > 0 else { return 1 }
            return 0.5 * (1 - Double(missing) / Double(consumed)) + 0.5 * (1 - Double(remaining) / Double(produced))
        }
    }

    /// pm4py's limits: recursion depth when enabling through silent transitions, and rounds towards the end.
    private static let maxEnablingDepth = 2
    private static let finalRounds = 5

    let net: IndexedNet
    let hidden: HiddenPaths
    /// Per log activity code: the transitions carrying it, in net order.
    let transitionsOfActivity: [[Int]]
    /// Places in the order pm4py visits them (by name, or id where they have none).
    let placeOrder: [Int]
    let finalPlaces: [Int]
    /// Without silent transitions there is nothing to fire on the way (nets from Alpha miners, hand-made nets).
    let hasSilentTransitions: Bool

    init(net: IndexedNet, activities: StringPool) {
        self.net = net
        hidden = HiddenPaths(net)
        var transitionsOfActivity = Array(repeating: [Int](), count: activities.count)
        for transition in 0..<net.transitionCount {
            if let label = net.label(transition), let code = activities.existingCode(label) {
                transitionsOfActivity[Int(code)].append(transition)
            }
        }
        self.transitionsOfActivity = transitionsOfActivity
        let places = net.net.places
        placeOrder = places.indices.sorted {
            (places[$0].name.isEmpty ? places[$0].id : places[$0].name)
                < (places[$1].name.isEmpty ? places[$1].id : places[$1].name)
        }
        finalPlaces = placeOrder.filter { net.finalMarking[$0] > 0 }
        hasSilentTransitions = (0..<net.transitionCount).contains { net.label($0) == nil }
    }

    func replay(_ trace: [Int32]) -> TraceResult {
        var state = ReplayState(marking: net.initialMarking)
        state.result.produced = net.initialMarking.reduce(0, +)
        for activity in trace {
            let candidates = transitionsOfActivity[Int(activity)]
            guard !candidates.isEmpty else {
                state.result.unknownEvents += 1
                continue
            }
            let transition = candidates.first { isEnabled($0, state.marking) } ?? candidates.last!
            if !isEnabled(transition, state.marking) && hasSilentTransitions {
                var visited = Set<Int>()
                enableThroughHidden(transition, &state, depth: 0, visited: &visited)
            }
            if !isEnabled(transition, state.marking) {
                state.result.problems.append(transition)
                for arc in net.preset[transition] where state.marking[arc.place] < arc.weight {
                    state.result.missing += arc.weight - state.marking[arc.place]
                    // pm4py adds the full arc weight, not just what was missing.
                    state.marking[arc.place] += arc.weight
                }
            }
            fire(transition, &state)
        }
        if hasSilentTransitions { moveTowardsFinalMarking(&state) }
        return finish(state)
    }

    // MARK: - Replay steps

    private struct ReplayState {
        var marking: [Int]
        var result = TraceResult()
    }

    private func isEnabled(_ transition: Int, _ marking: [Int]) -> Bool { net.isEnabled(transition, in: marking) }

    /// Fires an enabled transition and counts its tokens.
    private func fire(_ transition: Int, _ state: inout ReplayState) {
        for arc in net.inputs[transition] {
            state.marking[net.inputPlace[arc]] -= net.inputWeight[arc]
            state.result.consumed += net.inputWeight[arc]
        }
        for arc in net.outputs[transition] {
            state.marking[net.outputPlace[arc]] += net.outputWeight[arc]
            state.result.produced += net.outputWeight[arc]
        }
    }

    /// Silent paths from each marked place to each of `targets`, shortest first (pm4py's ordering: marked
    /// places and targets by name, then a stable sort by length).
    private func hiddenPaths(from marking: [Int], to targets: [Int]) -> [[Int]] {
        var paths: [[Int]] = []
        for source in placeOrder where marking[source] > 0 {
            for target in targets {
                if let path = hidden.path(from: source, to: target) { paths.append(path) }
            }
        }
        return paths.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(
            \.element)
    }

    private func placesMissingTokens(for transition: Int, _ marking: [Int]) -> [Int] {
        let missing = Set(net.preset[transition].filter { marking[$0.place] < $0.weight }.map(\.place))
        return placeOrder.filter(missing.contains)
    }

    /// pm4py's `apply_hidden_trans`: fire silent transitions that bring tokens to where `transition` lacks them.
    private func enableThroughHidden(_ transition: Int, _ state: inout ReplayState, depth: Int, visited: inout Set<Int>)
    {
        guard depth < Self.maxEnablingDepth, !visited.contains(transition) else { return }
        visited.insert(transition)
        let missingPlaces = placesMissingTokens(for: transition, state.marking)
        let groups = hiddenPaths(from: state.marking, to: missingPlaces)
        guard !groups.isEmpty else { return }
        walkGroups(groups, toEnable: transition, &state, visited: &visited)
        guard !isEnabled(transition, state.marking) else { return }
        for group in hiddenPaths(from: state.marking, to: missingPlaces) {
            for silent in group where silent != transition && !visited.contains(silent) {
                if !isEnabled(silent, state.marking) {
                    enableThroughHidden(silent, &state, depth: depth + 1, visited: &visited)
                }
                if isEnabled(silent, state.marking) {
                    fire(silent, &state)
                    visited.insert(silent)
                }
            }
        }
    }

    /// pm4py's `enable_hidden_transitions` (non-exhaustive): takes the groups in turn, each from where it
    /// stopped, firing what is enabled, until `transition` is enabled or a group changes nothing.
    private func walkGroups(
        _ groups: [[Int]], toEnable transition: Int, _ state: inout ReplayState, visited: inout Set<Int>
    ) {
        var next = Array(repeating: 0, count: groups.count)
        var round = 0
        while true {
            let g = round % groups.count
            var changed = false
            while next[g] < groups[g].count {
                let silent = groups[g][next[g]]
                if silent != transition && isEnabled(silent, state.marking) && !visited.contains(silent) {
                    fire(silent, &state)
                    visited.insert(silent)
                    changed = true
                }
                next[g] += 1
                if isEnabled(transition, state.marking) { break }
            }
            if isEnabled(transition, state.marking) || !changed { return }
            round += 1
        }
    }

    private func reachedFinalPlaces(_ marking: [Int]) -> Bool { finalPlaces.allSatisfy { marking[$0] > 0 } }

    /// After the last event: silent transitions along paths from marked places to the final marking's places.
    private func moveTowardsFinalMarking(_ state: inout ReplayState) {
        for _ in 0..<Self.finalRounds {
            if reachedFinalPlaces(state.marking) { break }
            for group in hiddenPaths(from: state.marking, to: finalPlaces) {
                for silent in group where isEnabled(silent, state.marking) { fire(silent, &state) }
                if reachedFinalPlaces(state.marking) { break }
            }
        }
        guard !reachedFinalPlaces(state.marking), finalPlaces.count == 1, let sink = finalPlaces.first else { return }
        let connections = placeOrder.filter { state.marking[$0] > 0 }
            .compactMap { hidden.path(from: $0, to: sink) }
            .enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)
        for _ in 0..<Self.finalRounds {
            for path in connections {
                for silent in path {
                    guard isEnabled(silent, state.marking) else { break }
                    fire(silent, &state)
                }
            }
        }
    }

    /// Remaining tokens are those beyond the final marking; the final marking is consumed, and what it lacks
    /// is missing.
    private func finish(_ state: ReplayState) -> TraceResult {
        var result = state.result
        for place in 0..<net.placeCount {
            result.remaining += max(0, state.marking[place] - net.finalMarking[place])
        }
        result.isFit = result.missing == 0 && result.remaining == 0
        for place in 0..<net.placeCount {
            result.consumed += net.finalMarking[place]
            result.missing += max(0, net.finalMarking[place] - state.marking[place])
        }
        return result
    }
}
