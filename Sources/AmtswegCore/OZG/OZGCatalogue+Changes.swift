extension OZGCatalogue {
    /// What a new import changes against the stored catalogue, per level: added, removed and changed items by
    /// their id (LeiKa key or, for entries without key, the name).
    public struct Changes: Hashable, Sendable, Codable {
        public struct Counts: Hashable, Sendable, Codable {
            public var added = 0, removed = 0, changed = 0
            public var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 }
        }

        public var topics = Counts()
        public var situations = Counts()
        public var services = Counts()
        public var entries = Counts()
        /// Whether the snapshot's source or date changed.
        public var snapshotChanged = false

        public var isEmpty: Bool {
            topics.isEmpty && situations.isEmpty && services.isEmpty && entries.isEmpty && !snapshotChanged
        }

        /// "Themenfelder: 14 neu; Lagen: 55 neu; …" or "keine Änderungen".
        public var summary: String {
            guard !isEmpty else { return "keine Änderungen" }
            let parts = [
                ("Themenfelder", topics), ("Lagen", situations), ("OZG-Leistungen", services),
                ("LeiKa-Leistungen", entries),
            ].compactMap { name, counts -> String? in
                guard !counts.isEmpty else { return nil }
                let words = [(counts.added, "neu"), (counts.changed, "geändert"), (counts.removed, "entfallen")]
                    .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
                return "\(name): " + words.joined(separator: ", ")
            }
            return (parts + (snapshotChanged ? ["Quelle oder Stand geändert"] : [])).joined(separator: "; ")
        }
    }

    /// An entry with the identity a re-import compares it by: its LeiKa key, or for entries without key (the
    /// catalogue has several of the same name) name, OZG-Leistung and the how-manieth of them it is.
    private struct IdentifiedEntry: Equatable {
        var id: String
        var entry: LeiKaEntry
    }

    private static func identified(_ entries: [LeiKaEntry]) -> [IdentifiedEntry] {
        var seen: [String: Int] = [:]
        return entries.map { entry in
            if let key = entry.key { return IdentifiedEntry(id: key.rawValue, entry: entry) }
            let base = "\(entry.name)|\(entry.ozgServiceID ?? 0)"
            seen[base, default: 0] += 1
            return IdentifiedEntry(id: "\(base)|\(seen[base]!)", entry: entry)
        }
    }

    /// What replacing `old` (nil: nothing stored yet) by this catalogue changes.
    public func changes(from old: OZGCatalogue?) -> Changes {
        func count<K: Hashable, T: Equatable>(_ new: [T], _ old: [T], key: (T) -> K) -> Changes.Counts {
            let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            var counts = Changes.Counts()
            for (id, item) in after {
                if let previous = before[id] {
                    if previous != item { counts.changed += 1 }
                } else {
                    counts.added += 1
                }
            }
            counts.removed = before.keys.filter { after[$0] == nil }.count
            return counts
        }
        let old = old ?? OZGCatalogue(snapshot: snapshot)
        var changes = Changes()
        changes.topics = count(topics, old.topics) { $0.id }
        changes.situations = count(situations, old.situations) { $0.id }
        changes.services = count(services, old.services) { $0.id }
        changes.entries = count(Self.identified(entries), Self.identified(old.entries)) { $0.id }
        changes.snapshotChanged = old.snapshot != snapshot && !(old.topics.isEmpty && old.entries.isEmpty)
        return changes
    }
}
