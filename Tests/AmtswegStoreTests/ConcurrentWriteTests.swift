import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// Writes that arrive together: on PostgreSQL those waiting for their turn are committed together in one
/// transaction (group commit), on SQLite they take turns. Either way each keeps its own outcome — a refused one
/// fails alone and takes none of the others with it, every stored one is stored once, with its entry in the change
/// log and in the change feed.
@Suite struct ConcurrentWriteTests {
    static let anna = Author(id: "account:anna", displayName: "Anna Berg")
    static let moment = Date(timeIntervalSince1970: 1_796_000_000)

    @Test(arguments: StoreFixture.engines) func writesArrivingTogetherKeepTheirOwnOutcome(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            let map = Musterstadt.map()
            let tenant = map.tenant.id
            try await repository.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
            let feedBefore = try await repository.newestChange()
            let logBefore = try await repository.changes(of: tenant, limit: 10_000).count
            // 60 comments with their own ids, and 10 more that repeat the ids of the first ten with other texts:
            // of each pair exactly one is stored, whichever came first.
            let written = try (0..<70).map { number in
                try Comment.written(
                    number < 60 ? "Kommentar \(number)" : "Doppelt \(number - 60)",
                    about: .process("baugenehmigung-ist"), by: Self.anna, at: Self.moment + Double(number),
                    id: ID(rawValue: "k\(number % 60)"))
            }
            // Per write: nil when stored, else what it failed with.
            let failures = await withTaskGroup(of: (Int, String?).self) { group in
                for (number, comment) in written.enumerated() {
                    group.addTask {
                        do {
                            try await repository.addComment(comment, of: tenant)
                            return (number, nil)
                        } catch {
                            return (number, "\(error)")
                        }
                    }
                }
                var failures: [Int: String?] = [:]
                for await (number, failure) in group { failures[number] = failure }
                return failures
            }
            let outcomes = failures.mapValues { $0 == nil }
            let stored = try await repository.comments(of: tenant)
            #expect(stored.count == 60)
            #expect(Set(stored.map(\.id.rawValue)) == Set((0..<60).map { "k\($0)" }))
            for number in 10..<60 {
                #expect(outcomes[number] == true, "comment \(number) has an id of its own")
            }
            for number in 0..<10 {
                let original = outcomes[number] == true
                let repeated = outcomes[number + 60] == true
                #expect(original != repeated, "of k\(number) and its repetition exactly one is stored")
                let refused = failures[original ? number + 60 : number] ?? nil
                #expect(refused == "Konflikt beim Speichern: Den Kommentar „k\(number)“ gibt es schon.")
                let text = stored.first { $0.id.rawValue == "k\(number)" }?.text
                #expect(text == (original ? "Kommentar \(number)" : "Doppelt \(number)"), "the one that succeeded")
            }
            // One entry each in the change log and the change feed, for the stored ones only.
            let log = try await repository.changes(of: tenant, limit: 10_000)
            #expect(log.count == logBefore + 60)
            // Each names its comment and says what that one said (on PostgreSQL the entries of writes committed
            // together are inserted together at the end of their transaction).
            let entries = log.prefix(60)
            #expect(Set(entries.map(\.object)) == Set(stored.map { "comment:\($0.id)" }))
            for comment in stored {
                let entry = entries.first { $0.object == "comment:\(comment.id)" }
                #expect(entry?.summary.hasSuffix(comment.text) == true, "\(comment.id): \(entry?.summary ?? "-")")
            }
            let feed = try await repository.changes(after: feedBefore, limit: 1_000)
            #expect(feed.count == 60)
            // In the order of their numbers (a transaction rolled back leaves gaps on PostgreSQL: numbers are drawn
            // from a sequence, which no rollback takes back; readers only rely on the order).
            #expect(feed.map(\.sequence) == feed.map(\.sequence).sorted())
            #expect(Set(feed.map(\.subject)) == ["process:baugenehmigung-ist"])
        }
    }
}
