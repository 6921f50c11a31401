import Foundation

/// Best guess of what a lane of an imported diagram stands for, from its name: the position, role or unit
/// whose name matches best. The user confirms or corrects the guess.
public struct LaneMapping: Sendable {
    private let candidates: [(performer: Performer, words: Set<String>)]

    public init(_ map: TenantMap) {
        candidates =
            map.positions.map { (Performer.position($0.id), Self.words($0.title)) }
            + map.roles.map { (Performer.role($0.id), Self.words($0.name)) }
            + map.units.map { (Performer.unit($0.id), Self.words($0.name)) }
    }

    /// The performer whose name shares the most words with the lane's name (Jaccard similarity at least ½);
    /// on a tie positions come before roles, roles before units.
    public func guess(_ laneName: String) -> Performer? {
        let lane = Self.words(laneName)
        guard !lane.isEmpty else { return nil }
        var best: (Performer, Double)?
        for (performer, words) in candidates where !words.isEmpty {
            let score = Double(lane.intersection(words).count) / Double(lane.union(words).count)
            if score >= 0.5, score > (best?.1 ?? 0) { best = (performer, score) }
        }
        return best?.0
    }

    /// Lower-case words without diacritics, ß as ss; words of one letter are left out.
    static func words(_ text: String) -> Set<String> {
        let folded = text.replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Set(folded.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 1 })
    }
}

extension ProcessModel {
    /// The process with every unmapped lane mapped by ``LaneMapping/guess(_:)``.
    public func mappingLanes(_ mapping: LaneMapping) -> ProcessModel {
        var process = self
        for index in process.lanes.indices where process.lanes[index].performer == nil {
            process.lanes[index].performer = mapping.guess(process.lanes[index].name)
        }
        return process
    }
}
