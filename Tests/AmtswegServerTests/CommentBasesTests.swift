import AmtswegCore
@testable import AmtswegServer
import Foundation
import Testing

/// How a process's kept comments are brought up to date (``CommentBases/extended(_:reading:)``): what the store
/// says is new is put in its place, nothing new leaves them as they are, and a count that does not add up makes
/// the caller read them all.
struct CommentBasesTests {
    static func comment(_ id: String, _ second: Double) -> AmtswegCore.Comment {
        AmtswegCore.Comment(
            id: ID(id), subject: .process(ID("p")), author: Author(id: "a", displayName: "A"), text: id,
            writtenAt: Date(timeIntervalSince1970: second))
    }

    let base = [comment("a", 1), comment("c", 3)]

    @Test func newCommentsGoToTheirPlaces() async throws {
        var asked: [ID<AmtswegCore.Comment>] = []
        let extended = try await CommentBases.extended(base) { _, known in
            asked = known
            return ([(1, Self.comment("b", 2)), (3, Self.comment("d", 4))], 4)
        }
        #expect(asked == ["a", "c"])
        #expect(extended?.map(\.id.rawValue) == ["a", "b", "c", "d"])
    }

    /// An instance hears of its own comment twice (its write, then the change feed): the second time nothing is
    /// new, and the kept comments are still the store's.
    @Test func nothingNewLeavesTheBase() async throws {
        let extended = try await CommentBases.extended(base) { _, _ in ([], 2) }
        #expect(extended == base)
    }

    /// Only the comments of the last moments are named, however long the discussion: the statement stays short.
    /// A new comment written before them is not in the answer, and the count then says so.
    @Test func onlyRecentCommentsAreNamed() async throws {
        let long = (0..<100).map { Self.comment("k\($0)", Double($0)) }
        var asked: (since: Date, known: [ID<AmtswegCore.Comment>])?
        let extended = try await CommentBases.extended(long) { since, known in
            asked = (since, known)
            return ([(100, Self.comment("new", 99))], 101)
        }
        #expect(asked?.since == Date(timeIntervalSince1970: 99 - CommentBases.recentWindow))
        #expect(asked?.known == (89..<100).map { ID("k\($0)") })
        #expect(extended?.last?.id == "new")
        #expect(try await CommentBases.extended(long) { _, _ in ([], 101) } == nil)
    }

    @Test func aCountThatDoesNotAddUpMeansReadingAll() async throws {
        #expect(try await CommentBases.extended(base) { _, _ in ([], 1) } == nil)
        #expect(try await CommentBases.extended(base) { _, _ in ([(0, Self.comment("z", 0))], 4) } == nil)
        #expect(try await CommentBases.extended(base) { _, _ in ([(7, Self.comment("z", 9))], 3) } == nil)
    }
}
