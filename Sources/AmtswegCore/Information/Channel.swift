import Foundation

/// How a request or a piece of information reaches its recipient.
public enum Channel: String, CaseIterable, Sendable, Codable, Comparable {
    case counter, post, email, phone, onlinePortal, specialistSoftware, eFile

    public var label: String {
        switch self {
        case .counter: "Schalter / persönlich"
        case .post: "Post"
        case .email: "E-Mail"
        case .phone: "Telefon"
        case .onlinePortal: "Onlineportal"
        case .specialistSoftware: "Fachverfahren"
        case .eFile: "E-Akte"
        }
    }

    /// Whether the channel carries information digitally end to end.
    public var isDigital: Bool {
        switch self {
        case .email, .onlinePortal, .specialistSoftware, .eFile: true
        case .counter, .post, .phone: false
        }
    }

    /// Words people write for the channel in spreadsheets, German and English, lower-cased.
    static let spellings: [String: Channel] = [
        "counter": .counter, "schalter": .counter, "persönlich": .counter, "theke": .counter,
        "post": .post, "brief": .post, "hauspost": .post,
        "email": .email, "e-mail": .email, "mail": .email,
        "phone": .phone, "telefon": .phone,
        "onlineportal": .onlinePortal, "online-portal": .onlinePortal, "portal": .onlinePortal, "online": .onlinePortal,
        "specialistsoftware": .specialistSoftware, "fachverfahren": .specialistSoftware,
        "fachanwendung": .specialistSoftware, "software": .specialistSoftware,
        "efile": .eFile, "e-akte": .eFile, "eakte": .eFile, "dms": .eFile,
    ]

    /// Reads a channel as written in an import file ("E-Mail", "Fachverfahren", "onlinePortal").
    public init?(spelling: String) {
        let key = spelling.trimmingCharacters(in: .whitespaces).lowercased()
        guard let channel = Channel(rawValue: spelling) ?? Self.spellings[key] else { return nil }
        self = channel
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.caseIndex < rhs.caseIndex }

    /// The position in `allCases`, looked up without building the array each time.
    var caseIndex: Int { Self.caseIndices[self]! }
    private static let caseIndices = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
