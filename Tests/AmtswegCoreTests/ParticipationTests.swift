import AmtswegCore
import Foundation
import Testing

/// The domain of staff participation: what comments and proposals are about, the text people type, threads,
/// the review of models and the life of a proposal.
@Suite struct ParticipationTests {
    static let anna = Author(id: "account:anna", displayName: "Anna Berg")
    static let ben = Author(id: "account:ben", displayName: "Ben Kurz")
    static let day = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func subjectsReadBackAsWritten() throws {
        let subjects: [CommentSubject] = [
            .process("baugenehmigung-ist"), .step(process: "baugenehmigung-ist", step: "Prüfen/Teil 2"),
            .problemSpot("mediaBreak|step|baugenehmigung-ist|Pruefen"), .initiative("M05"), .flow("F-12"),
            .unit("63"),
        ]
        for subject in subjects {
            #expect(CommentSubject(reference: subject.description) == subject, "\(subject)")
            let json = try JSONEncoder().encode(subject)
            #expect(try JSONDecoder().decode(CommentSubject.self, from: json) == subject)
        }
        // A process and its steps share one prefix, so one query finds all comments about a process.
        #expect(CommentSubject.step(process: "p", step: "s").description.hasPrefix("step:p/"))
        #expect(CommentSubject.step(process: "p", step: "s").processID == "p")
        for bad in ["", "process", "process:", "step:p", "step:/s", "step:p/", "anything:x"] {
            #expect(CommentSubject(reference: bad) == nil, "\(bad)")
        }
    }

    @Test func typedTextIsCheckedNotRewritten() throws {
        #expect(
            try PlainText.checked("  Zeile eins\r\nZeile zwei\u{7}\t!  ", limit: 100) == "Zeile eins\nZeile zwei\t!")
        // Markup stays text: the view escapes it; nothing here removes or interprets it.
        #expect(try PlainText.checked("<script>alert(1)</script>", limit: 100) == "<script>alert(1)</script>")
        #expect(throws: PlainText.Problem.empty) { try PlainText.checked(" \n\u{0} ", limit: 10) }
        #expect(throws: PlainText.Problem.tooLong(characters: 10_000, limit: Comment.maximumLength)) {
            try PlainText.checked(String(repeating: "ä", count: 10_000), limit: Comment.maximumLength)
        }
        #expect(
            PlainText.Problem.tooLong(characters: 10_000, limit: 4_000).description
                == "Der Text ist zu lang: 10.000 Zeichen, erlaubt sind 4.000.")
    }

    @Test func onlyWebAddressesBecomeLinks() {
        #expect(
            PlainText.pieces("Siehe https://www.musterstadt.de/bauen. Danke")
                == [.text("Siehe "), .link("https://www.musterstadt.de/bauen"), .text(". Danke")])
        #expect(
            PlainText.pieces("(Formular: http://intranet/form?id=3&x=4)")
                == [.text("(Formular: "), .link("http://intranet/form?id=3&x=4"), .text(")")])
        // Other schemes, and "http" inside a word, are text.
        for text in ["javascript:alert(1)", "data:text/html,<b>x</b>", "xhttps://a.de", "https://", "ftp://a.de"] {
            #expect(PlainText.pieces(text).allSatisfy { if case .text = $0 { true } else { false } }, "\(text)")
        }
        // An address ends where markup would begin.
        #expect(
            PlainText.pieces("https://a.de/\"><script>")
                == [.link("https://a.de/"), .text("\"><script>")])
        #expect(PlainText.pieces("") == [])
    }

    @Test func answersJoinTheThreadOfTheFirstComment() throws {
        let first = try Comment.written(
            "Wer prüft hier die Statik?", about: .step(process: "p", step: "s"), by: Self.anna, at: Self.day,
            id: "c1", mentions: [.unit("63"), .unit("63"), .person("ben")])
        #expect(first.mentions == [.unit("63"), .person("ben")], "each named once")
        let answer = try Comment.written(
            "Die Bautechnik.", about: .process("andere"), answering: first, by: Self.ben,
            at: Self.day + 60, id: "c2")
        #expect(answer.replyTo == "c1" && answer.subject == first.subject, "an answer is about what it answers")
        let answerToAnswer = try Comment.written(
            "Danke!", about: first.subject, answering: answer, by: Self.anna, at: Self.day + 120, id: "c3")
        #expect(answerToAnswer.replyTo == "c1", "threads are one level deep")
        var settled = try Comment.written(
            "Erledigt?", about: first.subject, by: Self.ben, at: Self.day + 30, id: "c4")
        settled.resolution = .init(by: Self.anna, at: Self.day + 200)
        var orphan = try Comment.written("Antwort", about: first.subject, by: Self.ben, at: Self.day + 5, id: "c5")
        orphan.replyTo = "gelöscht"

        let threads = CommentThread.threads([answerToAnswer, settled, answer, orphan, first])
        #expect(threads.map(\.first.id) == ["c1", "c5", "c4"], "open threads first, each as begun")
        #expect(threads[0].answers.map(\.id) == ["c2", "c3"])
        #expect(threads.last?.isResolved == true)
        #expect(CommentThread.bySubject([first, answer])[first.subject]?.count == 1)
        #expect(
            CommentThread.threads([first, orphan, settled, answer, answerToAnswer]) == threads,
            "the same threads from the comments in the store's order")
        #expect(threads[0].lastActivity == Self.day + 120, "its newest answer")
        #expect(threads[2].lastActivity == Self.day + 200, "settled after it was written")
        #expect(threads[1].lastActivity == Self.day + 5)
    }

    @Test func reviewGoesOneWayExceptBackToItsAuthors() throws {
        #expect(try ReleaseState.draft.applying(.submit) == .inReview)
        #expect(try ReleaseState.inReview.applying(.returnToDraft) == .draft)
        #expect(try ReleaseState.inReview.applying(.release) == .released)
        #expect(try ReleaseState.released.applying(.archive) == .archived)
        #expect(throws: ReleaseError.notFrom(action: .release, state: .draft)) {
            try ReleaseState.draft.applying(.release)
        }
        #expect(ReleaseAction.available(from: .inReview) == [.returnToDraft, .release])
        #expect(ReleaseAction.available(from: .archived).isEmpty)
        #expect(ReleaseState.allCases.filter(\.isEditable) == [.draft])
        #expect(ReleaseAction.allCases.filter(\.needsComment) == [.returnToDraft])
    }

    @Test func aProposalIsDecidedOnceAndItsAnonymousAuthorStaysHidden() throws {
        var proposal = try Proposal.submitted(
            id: "V1", about: .step(process: "p", step: "s"), title: " Unterlagen digital nachfordern ",
            problem: "Nachforderungen gehen per Brief.", change: "Per E-Mail aus dem Fachverfahren.",
            benefit: "Zwei Wochen schneller.", hoursPerYear: 120, by: Self.anna, anonymously: true, at: Self.day)
        #expect(proposal.title == "Unterlagen digital nachfordern" && proposal.status == .new)
        #expect(proposal.visibleAuthor(to: Self.anna) == Self.anna, "the author sees her own name")
        #expect(proposal.visibleAuthor(to: Self.ben) == nil && proposal.visibleAuthor(to: nil) == nil)

        #expect(try proposal.toggleVote(of: "ben") && proposal.votes == ["ben"])
        #expect(try !proposal.toggleVote(of: "ben") && proposal.votes.isEmpty, "a second click takes it back")
        try proposal.toggleVote(of: "ben")
        #expect(throws: ProposalError.notInReview(.new)) { try proposal.accept(as: "M20") }
        try proposal.startReview()
        try proposal.accept(as: "M20")
        #expect(proposal.status == .accepted && proposal.initiativeID == "M20")
        #expect(throws: ProposalError.closed(.accepted)) { try proposal.toggleVote(of: "carla") }
        #expect(throws: ProposalError.closed(.accepted)) { try proposal.reject(because: "Zu teuer") }
        #expect(throws: ProposalError.onlyTheAuthorWithdraws) { try proposal.withdraw(by: Self.ben) }

        var other = proposal
        other.status = .new
        #expect(throws: ProposalError.text(field: "Begründung", .empty)) { try other.reject(because: " ") }
        try other.reject(because: "Das Fachverfahren kann keine E-Mail senden.")
        #expect(other.status == .rejected && other.rejectionReason?.hasPrefix("Das Fachverfahren") == true)

        #expect(throws: ProposalError.hours) {
            try Proposal.submitted(
                id: "V2", about: .unit("63"), title: "T", problem: "P", change: "C", benefit: "B",
                hoursPerYear: -1, by: Self.ben, anonymously: false, at: Self.day)
        }
        #expect(throws: ProposalError.text(field: "Titel", .tooLong(characters: 201, limit: 200))) {
            try Proposal.submitted(
                id: "V2", about: .unit("63"), title: String(repeating: "x", count: 201), problem: "P", change: "C",
                benefit: "B", hoursPerYear: nil, by: Self.ben, anonymously: false, at: Self.day)
        }
    }

    @Test func proposalsSortByVotesAndByBenefit() throws {
        func make(_ id: String, votes: Set<ID<Account>>, hours: Double?) throws -> Proposal {
            var proposal = try Proposal.submitted(
                id: ID(id), about: .unit("63"), title: id, problem: "P", change: "C", benefit: "B",
                hoursPerYear: hours, by: Self.ben, anonymously: false, at: Self.day)
            proposal.votes = votes
            return proposal
        }
        let all = [
            try make("A", votes: ["x"], hours: nil), try make("B", votes: ["x", "y"], hours: 10),
            try make("C", votes: ["z"], hours: 300),
        ]
        #expect(all.sorted(by: Proposal.byVotes).map(\.title) == ["B", "A", "C"])
        #expect(all.sorted(by: Proposal.byBenefit).map(\.title) == ["C", "B", "A"])
    }
}
