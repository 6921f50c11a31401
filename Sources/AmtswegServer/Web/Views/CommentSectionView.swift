import AmtswegCore

/// The comments about one thing that is not a process — a unit, an initiative, a flow — shown on its page with
/// the form to add one (``CommentPages`` takes it at ``Paths/comments``).
struct CommentSectionView: Sendable {
    var subject: String
    var threads: [CommentThreadView]
    var action: String?
    var mentionOptions: [SelectOption]
    var csrf: String

    init(
        _ subject: CommentSubject, comments: [Comment], mayComment: Bool, map: TenantMap,
        people: [(ID<Account>, String)], csrf: String
    ) {
        self.subject = subject.description
        let names = Self.names(map: map, people: people)
        let action = mayComment ? Paths.comments : nil
        threads =
            CommentThreadView.bySubject(
                comments.filter { $0.subject == subject }, answerAction: action, names: names)[subject] ?? []
        self.action = action
        mentionOptions = Self.mentionOptions(map: map, people: people)
        self.csrf = csrf
    }

    /// What a mention shows: a unit's name, a member's name.
    static func names(map: TenantMap, people: [(ID<Account>, String)]) -> [Mention: String] {
        var names: [Mention: String] = [:]
        for unit in map.units { names[.unit(unit.id)] = unit.name }
        for (account, name) in people { names[.person(account)] = name }
        return names
    }

    /// Whom a new comment may name: nobody in particular, a unit, or a member of the tenant.
    static func mentionOptions(map: TenantMap, people: [(ID<Account>, String)]) -> [SelectOption] {
        [SelectOption(value: "", label: "niemanden eigens", isSelected: true)]
            + map.units.sorted { $0.name < $1.name }.map {
                SelectOption(
                    value: Mention.unit($0.id).description, label: $0.name + " (Organisationseinheit)",
                    isSelected: false)
            }
            + people.sorted { $0.1 < $1.1 }.map {
                SelectOption(value: Mention.person($0.0).description, label: $0.1 + " (Person)", isSelected: false)
            }
    }
}
