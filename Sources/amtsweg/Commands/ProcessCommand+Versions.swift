import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import Foundation
import ProcessBPMN

/// The versions of a process and their review on the command line: the history, the comparison of two
/// versions, and the review steps — the same as on the process's pages, written as the local user.
extension ProcessCommand {
    struct Versions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "versions", abstract: "Die Fassungen eines Prozesses mit Autor, Zeit, Kommentar und Stand.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let versions = try await repository.versions(of: ID(id), in: try await store.tenantID(in: repository))
                struct Row: Encodable {
                    var number: Int
                    var savedAt: Date
                    var author, comment, release: String
                }
                let rows = versions.map {
                    Row(
                        number: $0.number, savedAt: $0.savedAt, author: $0.author.displayName, comment: $0.comment,
                        release: $0.release.rawValue)
                }
                if json { return try printJSON(rows) }
                print(
                    TextTable(
                        headers: ["Fassung", "Gespeichert", "Von", "Stand", "Kommentar"],
                        rows: versions.map {
                            [
                                "\($0.number)", $0.savedAt.formatted(.iso8601), $0.author.displayName, $0.release.label,
                                $0.comment.isEmpty ? "–" : $0.comment,
                            ]
                        }
                    ).render())
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Vergleicht zwei Fassungen eines Prozesses: Änderungen in Worten und alle BPMN-Unterschiede.",
            discussion: "Ohne --from und --to: die vorletzte mit der neuesten Fassung.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Option(help: "Ältere Fassung.") var from: Int?
        @Option(help: "Neuere Fassung.") var to: Int?
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let versions = try await repository.versions(of: ID(id), in: try await store.tenantID(in: repository))
                func version(_ number: Int?, _ fallback: Int) throws -> ProcessVersion {
                    let wanted = number ?? fallback
                    guard let found = versions.first(where: { $0.number == wanted }) else {
                        throw CLIError(
                            "Eine Fassung \(wanted) hat der Prozess '\(id)' nicht (1 bis \(versions.count)).")
                    }
                    return found
                }
                let head = versions.last!.number
                let comparison: VersionComparison
                do {
                    comparison = try VersionComparison(
                        from: try version(from, max(1, head - 1)), to: try version(to, head))
                } catch let error as VersionComparison.Unreadable { throw CLIError(error.description) }
                if json {
                    struct Output: Encodable {
                        struct Change: Encodable { var kind, elementID, text: String }
                        struct Difference: Encodable { var path, message: String }
                        var from, to: Int
                        var changes: [Change]
                        var differences: [Difference]
                    }
                    return try printJSON(
                        Output(
                            from: comparison.from.number, to: comparison.to.number,
                            changes: comparison.delta.changes.map {
                                .init(kind: $0.kind.rawValue, elementID: $0.elementID, text: $0.text)
                            },
                            differences: comparison.differences.map { .init(path: $0.path, message: $0.message) }))
                }
                print("Fassung \(comparison.from.number) → Fassung \(comparison.to.number)")
                if comparison.differences.isEmpty { return print("Die beiden Fassungen sind gleich.") }
                for change in comparison.delta.changes { print("  – \(change.text)") }
                print("\nAlle Unterschiede im BPMN (\(comparison.differences.count)):")
                for difference in comparison.differences { print("  \(difference)") }
            }
        }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "release",
            abstract: "Ein Prüfschritt: einreichen, zurückgeben (mit Kommentar), freigeben oder archivieren.",
            discussion: """
                Entwurf ──submit──▶ in Prüfung ──release──▶ freigegeben ──archive──▶ archiviert; \
                return gibt einen Entwurf in Prüfung mit Kommentar zurück. Ohne --action: freigeben.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Option(help: "submit, return, release oder archive.") var action = "release"
        @Option(help: "Kommentar (beim Zurückgeben nötig).") var comment = ""

        func run() async throws {
            try await reportingErrors {
                guard let step = ReleaseAction(rawValue: action) else {
                    throw CLIError("--action muss submit, return, release oder archive sein, nicht '\(action)'.")
                }
                let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
                if step.needsComment, text.isEmpty { throw CLIError("Zurückgeben geht nur mit --comment.") }
                // The note is checked before anything changes: a step is never taken without its comment.
                var note: Comment?
                if !text.isEmpty {
                    do {
                        note = try Comment.written(
                            "\(step.noteHeading): \(text)", about: .process(ID(id)), by: .local, at: Date(),
                            id: ID(UUID().uuidString.lowercased()))
                    } catch { throw CLIError("Kommentar: \(error)") }
                }
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let status = try await repository.changeRelease(step, of: ID(id), in: tenant, by: .local, comment: text)
                if let note { try await repository.addComment(note, of: tenant) }
                let released =
                    status.released.map { ", freigegeben ist Fassung \($0)" } ?? ", keine Fassung freigegeben"
                print("Prozess '\(id)': Fassung \(status.head) ist \(status.state.label)\(released).")
            }
        }
    }
}
