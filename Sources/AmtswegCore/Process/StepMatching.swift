/// Which step of a process an activity of an event log stands for, guessed from the names: the same name
/// (ignoring case, diacritics and punctuation), else the step whose name shares the most words with the
/// activity's (Jaccard similarity at least ½, as lanes are matched in ``LaneMapping``). The user confirms or
/// corrects the guess.
public enum StepMatching {
    /// Activity name → step id, for every activity that has a match.
    public static func suggest(activities: [String], steps: [ProcessNode]) -> [String: String] {
        let candidates = steps.map { (id: $0.id, words: LaneMapping.words($0.name), name: normalised($0.name)) }
        var mapping: [String: String] = [:]
        for activity in activities {
            let name = normalised(activity)
            if let same = candidates.first(where: { $0.name == name }) {
                mapping[activity] = same.id
                continue
            }
            let words = LaneMapping.words(activity)
            guard !words.isEmpty else { continue }
            var best: (id: String, score: Double)?
            for candidate in candidates where !candidate.words.isEmpty {
                let score =
                    Double(words.intersection(candidate.words).count) / Double(words.union(candidate.words).count)
                if score >= 0.5, score > (best?.score ?? 0) { best = (candidate.id, score) }
            }
            if let best { mapping[activity] = best.id }
        }
        return mapping
    }

    private static func normalised(_ name: String) -> String {
        LaneMapping.words(name).sorted().joined(separator: " ")
    }
}
