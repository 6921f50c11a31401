import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// Comments come back as written, threads are settled at their first comment, saving the map keeps them,
/// and every write leaves one entry in the change log.
@Suite struct CommentRepositoryTests {
    static let anna = Author(id: "account:anna", displayName: "Anna Berg")
    static let ben = Author(id: "account:ben", displayName: "Ben Kurz")
    static let moment = Date(timeIntervalSince1970: 1_796_000_000)

    @Test(arguments: StoreFixture.engines) func commentsComeBackAsWrittenAndThreadsAreSettledAtTheirStart(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let map = Musterstadt.map()
            let tenant = map.tenant.id
            try await store.repository.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
            var first = try Comment.written(
                "Wer prüft die Statik? <b>Siehe</b> https://a.de",
                about: .step(process: "baugenehmigung-ist", step: "Pruefen"),
                by: Self.anna, at: Self.moment, id: "c1", mentions: [.unit("63"), .person("ben")])
            var answer = try Comment.written(
                "Die Bautechnik.", about: first.subject, answering: first, by: Self.ben, at: Self.moment + 60, id: "c2")
            try await store.repository.addComment(first, of: tenant)
            try await store.repository.addComment(answer, of: tenant)
            // The store notes the process's version each was written on.
            first.processVersion = 1
            answer.processVersion = 1
            #expect(try await store.repository.comments(of: tenant) == [first, answer])
            #expect(try await store.repository.comment("c2", of: tenant) == answer)

            // Settled and reopened at the first comment; an answer cannot be settled on its own.
            let settled = Comment.Resolution(by: Self.ben, at: Self.moment + 120)
            try await store.repository.setResolution(settled, ofComment: "c1", in: tenant, by: Self.ben)
            #expect(try await store.repository.comment("c1", of: tenant).resolution == settled)
            await #expect(throws: StoreError.self) {
                try await store.repository.setResolution(settled, ofComment: "c2", in: tenant, by: Self.ben)
            }
            try await store.repository.setResolution(nil, ofComment: "c1", in: tenant, by: Self.anna)
            #expect(try await store.repository.comment("c1", of: tenant).resolution == nil)

            // Nothing is overwritten; unknown comments and tenants are named.
            let taken = await #expect(throws: StoreError.self) {
                try await store.repository.addComment(answer.with(id: "c1"), of: tenant)
            }
            #expect(taken?.description == "Konflikt beim Speichern: Den Kommentar „c1“ gibt es schon.")
            #expect(try await store.repository.comment("c1", of: tenant).text.hasPrefix("Wer prüft"), "kept")
            let missing = await #expect(throws: StoreError.self) {
                try await store.repository.comment("c9", of: tenant)
            }
            #expect(missing?.description == "Kommentar 'c9' gibt es nicht.")
            let unknown = await #expect(throws: StoreError.self) {
                try await store.repository.addComment(first, of: "nirgendwo")
            }
            #expect(unknown?.description == StoreError.notFound(kind: .tenant, id: "nirgendwo").description)

            // Saving the map rewrites its tables, not the comments.
            try await store.repository.saveMap(
                map, change: MapChange(action: "saveMap", object: "map", summary: "Karte"), by: .local)
            #expect(try await store.repository.comments(of: tenant).count == 2)

            let log = try await store.repository.changes(of: tenant, limit: 10)
            #expect(
                log.prefix(5).map(\.action).reversed() == [
                    "addComment", "answerComment", "resolveComment", "reopenComment", "saveMap",
                ])
            let added = try #require(log.first { $0.action == "addComment" })
            #expect(added.author == Self.anna && added.object == "comment:c1")
            #expect(added.summary.hasPrefix("Kommentar zu Schritt „baugenehmigung-ist/Pruefen“: Wer prüft"))

            // A tenant deleted takes its comments with it.
            try await store.repository.deleteTenant(tenant, by: .local)
            try await store.repository.saveTenant(map, processes: [], by: .local)
            #expect(try await store.repository.comments(of: tenant).isEmpty)
        }
    }

    /// A process's page reads the comments on it and its steps only — by the process each comment names
    /// (migration 17), so an id with "_" (a wildcard of `LIKE`) or one that begins like another matches nothing
    /// else.
    @Test(arguments: StoreFixture.engines) func theCommentsOfOneProcessAreItsOwnAndItsSteps(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let map = Musterstadt.map()
            let tenant = map.tenant.id
            try await store.repository.saveTenant(map, processes: [], by: .local)
            let subjects: [(ID<AmtswegCore.Comment>, CommentSubject)] = [
                ("a", .process("p_1")), ("b", .step(process: "p_1", step: "x/y")), ("c", .process("px1")),
                ("d", .step(process: "px1", step: "x")), ("e", .process("p_12")),
                ("f", .step(process: "p_12", step: "z")),
                ("g", .unit("p_1")),
            ]
            for (offset, (id, subject)) in subjects.enumerated() {
                try await store.repository.addComment(
                    try Comment.written(
                        "Text", about: subject, by: Self.anna, at: Self.moment + Double(offset), id: id),
                    of: tenant)
            }
            #expect(try await store.repository.comments(of: tenant, aboutProcess: "p_1").map(\.id) == ["a", "b"])
            #expect(try await store.repository.comments(of: tenant, aboutProcess: "px1").map(\.id) == ["c", "d"])
            #expect(try await store.repository.comments(of: tenant, aboutProcess: "p_12").map(\.id) == ["e", "f"])
            #expect(try await store.repository.comments(of: tenant, aboutProcess: "p").isEmpty)
            // Those not known yet, each with its place among all, and the count of all (for a reader that knows
            // the others already) — also when none is new, or none is known.
            func besides(
                _ process: ID<ProcessModel>, _ known: [ID<AmtswegCore.Comment>], since: Date = .distantPast
            ) async throws -> [String] {
                let (added, total) = try await store.repository.comments(
                    of: tenant, aboutProcess: process, writtenSince: since, besides: known)
                return ["\(total)"] + added.map { "\($0.position):\($0.comment.id)" }
            }
            #expect(try await besides("p_12", ["e"]) == ["2", "1:f"])
            #expect(try await besides("p_12", ["f"]) == ["2", "0:e"])
            #expect(try await besides("p_12", []) == ["2", "0:e", "1:f"])
            #expect(try await besides("p_12", ["e", "f"]) == ["2"])
            #expect(try await besides("p_12", ["e", "f", "a"]) == ["2"])
            #expect(try await besides("p", []) == ["0"])
            // Only those written since a time: older ones need not be named (f is a second after e).
            #expect(try await besides("p_12", [], since: Self.moment + 5) == ["2", "1:f"])
            #expect(try await besides("p_12", ["f"], since: Self.moment + 5) == ["2"])
            #expect(try await besides("p_12", [], since: Self.moment + 6) == ["2"])
            let full = try await store.repository.comments(of: tenant, aboutProcess: "p_1")
            #expect(
                try await store.repository.comments(
                    of: tenant, aboutProcess: "p_1", writtenSince: .distantPast, besides: ["a"]
                ).added.map(
                    \.comment)
                    == [full[1]])
            #expect(
                try await store.repository.comments(
                    of: "nirgendwo", aboutProcess: "p_1", writtenSince: .distantPast, besides: []
                ).total == 0)
        }
    }
}

extension AmtswegCore.Comment {
    fileprivate func with(id: ID<AmtswegCore.Comment>) -> AmtswegCore.Comment {
        var copy = self
        copy.id = id
        return copy
    }

}
