import Foundation

/// The carrier of information: what a media break (Medienbruch) changes.
public enum Medium: String, CaseIterable, Sendable, Codable, Comparable {
    case paper, email, phone, specialistSoftware, portal, eFile

    public var label: String {
        switch self {
        case .paper: "Papier"
        case .email: "E-Mail"
        case .phone: "Telefon"
        case .specialistSoftware: "Fachverfahren"
        case .portal: "Portal"
        case .eFile: "E-Akte"
        }
    }

    public var isDigital: Bool { self != .paper && self != .phone }

    static let spellings: [String: Medium] = [
        "paper": .paper, "papier": .paper,
        "email": .email, "e-mail": .email, "mail": .email,
        "phone": .phone, "telefon": .phone, "mündlich": .phone,
        "specialistsoftware": .specialistSoftware, "fachverfahren": .specialistSoftware,
        "software": .specialistSoftware,
        "portal": .portal, "onlineportal": .portal, "online": .portal,
        "efile": .eFile, "e-akte": .eFile, "eakte": .eFile, "dms": .eFile,
    ]

    /// Reads a medium as written in an import file ("Papier", "E-Akte", "specialistSoftware").
    public init?(spelling: String) {
        let key = spelling.trimmingCharacters(in: .whitespaces).lowercased()
        guard let medium = Medium(rawValue: spelling) ?? Self.spellings[key] else { return nil }
        self = medium
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.caseIndex < rhs.caseIndex }

    /// The position in `allCases`, looked up without building the array each time.
    var caseIndex: Int { Self.caseIndices[self]! }
    private static let caseIndices = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
