import Foundation

/// What happens to one attribute of an uploaded log before anything is stored.
public enum AttributeTreatment: String, Sendable, CaseIterable, Codable {
    case keep
    /// Replaced by a keyed pseudonym (as resources are by default): equal values stay equal, names vanish.
    case pseudonymise
    /// Removed from every case or event.
    case drop

    public var label: String {
        switch self {
        case .keep: "behalten"
        case .pseudonymise: "pseudonymisieren"
        case .drop: "entfernen"
        }
    }
}

/// One attribute of a log: on cases or events, its key (`org:resource` for the resource), a few sample values,
/// and whether it looks person-related.
public struct AttributeSummary: Sendable, Hashable {
    public enum Scope: String, Sendable, Codable { case `case`, event }
    public var scope: Scope
    public var key: String
    public var samples: [String]
    public var looksPersonal: Bool

    /// How the choice for this attribute is named in forms and API parameters: `case:Kunde`, `event:org:resource`.
    public var id: String { scope.rawValue + ":" + key }
    /// Pseudonymised by default when it looks person-related, kept otherwise.
    public var defaultTreatment: AttributeTreatment { looksPersonal ? .pseudonymise : .keep }
}

/// The uploader's choice per attribute; anything not chosen gets the attribute's default.
public struct PrivacyChoices: Sendable, Hashable {
    /// By ``AttributeSummary/id``.
    public var treatments: [String: AttributeTreatment]

    public init(_ treatments: [String: AttributeTreatment] = [:]) { self.treatments = treatments }

    public func treatment(of attribute: AttributeSummary) -> AttributeTreatment {
        treatments[attribute.id] ?? attribute.defaultTreatment
    }
}

/// Recognises attributes that name people: by their key, and by values that look like e-mail addresses.
public enum PersonalData {
    /// Parts of attribute keys that point to a person (lower case; matched within the key).
    static let personalKeyParts = [
        "resource", "ressource", "user", "employee", "bearbeiter", "mitarbeiter", "name", "e-mail", "email", "mail",
        "person", "clerk", "owner", "assignee", "assigned", "responsible", "handler", "worker", "kunde",
        "antragsteller", "buerger", "bürger", "zuständig", "zustaendig", "verantwortlich", "sachbearb",
    ]

    public static func looksPersonal(key: String, samples: [String]) -> Bool {
        let lower = key.lowercased()
        // The standard's keys for activities and lifecycles contain "name" but name no person.
        if ["concept:name", "lifecycle:transition", "time:timestamp"].contains(lower) { return false }
        if personalKeyParts.contains(where: { lower.contains($0) }) { return true }
        return samples.contains(where: looksLikeEmail)
    }

    static func looksLikeEmail(_ value: String) -> Bool {
        guard let at = value.firstIndex(of: "@"), at != value.startIndex else { return false }
        let domain = value[value.index(after: at)...]
        return domain.contains(".") && !domain.contains(" ") && !value.contains(" ")
    }
}

extension EventLog {
    /// The resource as an attribute of events, as XES names it.
    public static let resourceKey = "org:resource"

    /// Every case and event attribute (the resource among them) with up to `samples` distinct example values,
    /// in a stable order: the resource first, then case attributes, then event attributes, each by key.
    public func attributeOverview(samples: Int = 3) -> [AttributeSummary] {
        func examples(_ values: some Sequence<AttributeValue?>) -> [String] {
            guard samples > 0 else { return [] }
            var seen: [String] = []
            for value in values {
                guard let value, let text = value.displayText, !text.isEmpty, !seen.contains(text) else { continue }
                seen.append(text)
                if seen.count == samples { break }
            }
            return seen
        }
        // Values that are also resources name people, whatever the attribute is called.
        let resourceNames = Set(resources.strings)
        func personal(_ key: String, _ values: some Sequence<AttributeValue?>, _ samples: [String]) -> Bool {
            PersonalData.looksPersonal(key: key, samples: samples)
                || values.contains { value in value?.displayText.map(resourceNames.contains) == true }
        }
        var result: [AttributeSummary] = []
        if resource.contains(where: { $0 >= 0 }) {
            let names = Array(resources.strings.prefix(samples))
            result.append(
                AttributeSummary(scope: .event, key: Self.resourceKey, samples: names, looksPersonal: true))
        }
        let caseKeys = Set(caseAttributes.flatMap(\.keys)).subtracting(["concept:name"]).sorted()
        for key in caseKeys {
            let values = examples(caseAttributes.lazy.map { $0[key] })
            result.append(
                AttributeSummary(
                    scope: .case, key: key, samples: values,
                    looksPersonal: personal(key, caseAttributes.lazy.prefix(1_000).map { $0[key] }, values)))
        }
        for key in eventAttributes.keys.sorted() {
            let values = examples(eventAttributes[key]!)
            result.append(
                AttributeSummary(
                    scope: .event, key: key, samples: values,
                    looksPersonal: personal(key, eventAttributes[key]!.prefix(1_000), values)))
        }
        return result
    }

    /// The log with each attribute kept, pseudonymised or dropped as chosen. A dropped attribute leaves no
    /// trace in the result; pseudonymised values are keyed as resources are (``ResourcePseudonymizer``).
    public func applying(_ choices: PrivacyChoices, with pseudonymizer: ResourcePseudonymizer) -> EventLog {
        var log = self
        for attribute in attributeOverview(samples: 0) {
            let treatment = choices.treatment(of: attribute)
            guard treatment != .keep else { continue }
            switch (attribute.scope, attribute.key) {
            case (.event, Self.resourceKey):
                if treatment == .drop {
                    log.resources = StringPool()
                    log.resource = Array(repeating: -1, count: log.resource.count)
                } else {
                    log = log.pseudonymisingResources(with: pseudonymizer)
                }
            case (.case, let key):
                for index in log.caseAttributes.indices {
                    if treatment == .drop {
                        log.caseAttributes[index][key] = nil
                    } else if let value = log.caseAttributes[index][key] {
                        log.caseAttributes[index][key] = value.pseudonymised(with: pseudonymizer)
                    }
                }
            case (.event, let key):
                if treatment == .drop {
                    log.eventAttributes[key] = nil
                } else {
                    log.eventAttributes[key] = log.eventAttributes[key]?.map { $0?.pseudonymised(with: pseudonymizer) }
                }
            }
        }
        return log
    }
}

extension AttributeValue {
    /// The value as a person reads it; `nil` for lists and containers.
    var displayText: String? {
        switch self {
        case .string(let text), .id(let text): text
        case .int(let number): String(number)
        case .float(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .date(let milliseconds): Date(timeIntervalSince1970: Double(milliseconds) / 1000).formatted(.iso8601)
        case .list, .container: nil
        }
    }

    /// Text replaced by its pseudonym, numbers and dates turned into pseudonymised text too (a birth date or a
    /// personnel number names a person as well), lists and containers value by value.
    func pseudonymised(with pseudonymizer: ResourcePseudonymizer) -> AttributeValue {
        switch self {
        case .list(let values): .list(values.map { $0.pseudonymised(with: pseudonymizer) })
        case .container(let children): .container(children.mapValues { $0.pseudonymised(with: pseudonymizer) })
        default: .string(pseudonymizer.pseudonym(for: displayText ?? ""))
        }
    }
}

extension PrivacyChoices {
    /// A choice that cannot be read, named as it was written.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var assignment: String
        public var description: String {
            "„\(assignment)“ ist keine Datenschutz-Wahl; erwartet wird ATTRIBUT=keep|pseudonymise|drop, "
                + "ATTRIBUT als case:SCHLÜSSEL oder event:SCHLÜSSEL (z. B. event:org:resource=keep)."
        }
    }

    /// Choices written as `case:Kunde=drop`, `event:org:resource=keep` (API parameters, command-line options).
    public init(parsing assignments: [String]) throws(ParseError) {
        var treatments: [String: AttributeTreatment] = [:]
        for assignment in assignments {
            // By scalars: a key may hold anything, also characters that would join the `=` into one grapheme.
            let scalars = assignment.unicodeScalars
            guard let equals = scalars.lastIndex(of: "="),
                let treatment = AttributeTreatment(rawValue: String(scalars[scalars.index(after: equals)...])),
                scalars.starts(with: "case:".unicodeScalars) || scalars.starts(with: "event:".unicodeScalars)
            else { throw ParseError(assignment: String(assignment.prefix(200))) }
            treatments[String(scalars[..<equals])] = treatment
        }
        self.init(treatments)
    }
}
