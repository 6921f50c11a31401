public import Foundation

/// An improvement proposal of a member of staff: what is wrong today, what should change, and what it would
/// bring, tied to a step, a problem spot, a flow or a unit.
///
/// Prozessmanagement takes it into review and accepts it — it then becomes an initiative of the roadmap,
/// linked both ways — or rejects it with a reason the proposer sees. Everyone votes once. A proposal may be
/// anonymous: its author is then shown to nobody but the author (who can still withdraw it); who wrote it is
/// kept only in the audit log, which Personalrat/Datenschutz read.
public struct Proposal: Hashable, Sendable, Codable {
    public static let titleLength = 200
    public static let textLength = 4_000

    public var id: ID<Proposal>
    public var subject: CommentSubject
    public var title: String
    /// What is wrong today.
    public var problem: String
    /// What should change.
    public var change: String
    /// The expected benefit in words, and as working hours a year where someone can estimate them.
    public var benefit: String
    public var hoursPerYear: Double?
    public var author: Author
    public var isAnonymous: Bool
    public var submittedAt: Date
    public var status: ProposalStatus
    public var rejectionReason: String?
    /// The initiative an accepted proposal became.
    public var initiativeID: ID<Initiative>?
    /// One per person, by account.
    public var votes: Set<ID<Account>>

    public init(
        id: ID<Proposal>, subject: CommentSubject, title: String, problem: String, change: String, benefit: String,
        hoursPerYear: Double? = nil, author: Author, isAnonymous: Bool = false, submittedAt: Date,
        status: ProposalStatus = .new, rejectionReason: String? = nil, initiativeID: ID<Initiative>? = nil,
        votes: Set<ID<Account>> = []
    ) {
        self.id = id
        self.subject = subject
        self.title = title
        self.problem = problem
        self.change = change
        self.benefit = benefit
        self.hoursPerYear = hoursPerYear
        self.author = author
        self.isAnonymous = isAnonymous
        self.submittedAt = submittedAt
        self.status = status
        self.rejectionReason = rejectionReason
        self.initiativeID = initiativeID
        self.votes = votes
    }

    /// What a person may see as the author: the author, unless the proposal is anonymous and the person is not
    /// its author.
    public func visibleAuthor(to viewer: Author?) -> Author? {
        guard isAnonymous else { return author }
        return viewer?.id == author.id ? author : nil
    }
}

/// Why a step on a proposal was refused, in plain German.
public enum ProposalError: Error, Hashable, Sendable, CustomStringConvertible {
    case text(field: String, PlainText.Problem)
    case hours
    case closed(ProposalStatus)
    case notInReview(ProposalStatus)
    case onlyTheAuthorWithdraws

    public var description: String {
        switch self {
        case .text(let field, let problem): "\(field): \(problem)"
        case .hours: "Die Stunden im Jahr sind eine Zahl von 0 bis 1.000.000."
        case .closed(let status): "Über den Vorschlag ist entschieden (\(status.label))."
        case .notInReview(let status): "Entschieden wird nach der Prüfung; der Vorschlag ist „\(status.label)“."
        case .onlyTheAuthorWithdraws: "Zurückziehen kann nur, wer den Vorschlag gemacht hat."
        }
    }
}

extension Proposal {
    /// A new proposal from the form, every text checked (``PlainText/checked(_:limit:)``).
    public static func submitted(
        id: ID<Proposal>, about subject: CommentSubject, title: String, problem: String, change: String,
        benefit: String, hoursPerYear: Double?, by author: Author, anonymously: Bool, at date: Date
    ) throws(ProposalError) -> Proposal {
        func checked(_ text: String, _ field: String, limit: Int) throws(ProposalError) -> String {
            do { return try PlainText.checked(text, limit: limit) } catch { throw .text(field: field, error) }
        }
        if let hours = hoursPerYear, !(0...1_000_000).contains(hours) { throw .hours }
        return Proposal(
            id: id, subject: subject, title: try checked(title, "Titel", limit: titleLength),
            problem: try checked(problem, "Was heute nicht gut läuft", limit: textLength),
            change: try checked(change, "Was sich ändern soll", limit: textLength),
            benefit: try checked(benefit, "Erwarteter Nutzen", limit: textLength), hoursPerYear: hoursPerYear,
            author: author, isAnonymous: anonymously, submittedAt: date)
    }

    /// Taken into review by Prozessmanagement.
    public mutating func startReview() throws(ProposalError) {
        guard status == .new else { throw .closed(status) }
        status = .inReview
    }

    /// Accepted: it became `initiative`.
    public mutating func accept(as initiative: ID<Initiative>) throws(ProposalError) {
        guard status == .inReview else { throw .notInReview(status) }
        status = .accepted
        initiativeID = initiative
    }

    /// Rejected, with the reason the proposer reads.
    public mutating func reject(because reason: String) throws(ProposalError) {
        guard status.isOpen else { throw .closed(status) }
        do { rejectionReason = try PlainText.checked(reason, limit: Self.textLength) } catch {
            throw .text(field: "Begründung", error)
        }
        status = .rejected
    }

    /// Withdrawn by its author while still open.
    public mutating func withdraw(by person: Author) throws(ProposalError) {
        guard person.id == author.id else { throw .onlyTheAuthorWithdraws }
        guard status.isOpen else { throw .closed(status) }
        status = .withdrawn
    }

    /// A person's vote given, or taken back when given already; only while the proposal is open. Returns
    /// whether the person now votes for it.
    @discardableResult
    public mutating func toggleVote(of person: ID<Account>) throws(ProposalError) -> Bool {
        guard status.isOpen else { throw .closed(status) }
        if votes.remove(person) != nil { return false }
        votes.insert(person)
        return true
    }

    /// Most votes first; most hours saved a year first (unestimated last); ties by title.
    public static func byVotes(_ a: Proposal, _ b: Proposal) -> Bool {
        (a.votes.count, b.title) > (b.votes.count, a.title)
    }

    public static func byBenefit(_ a: Proposal, _ b: Proposal) -> Bool {
        (a.hoursPerYear ?? -1, b.title) > (b.hoursPerYear ?? -1, a.title)
    }
}
