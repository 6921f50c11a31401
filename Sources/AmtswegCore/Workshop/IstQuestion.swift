/// The seven questions of the Ist-Analyse workshop (PRODUCT.md).
public enum IstQuestion: Int, CaseIterable, Sendable, Codable, Comparable {
    case whoWithWhom = 1
    case informationNeeds = 2
    case internalInterfaces = 3
    case externalInterfaces = 4
    case entryPoints = 5
    case responsibilities = 6
    case taskTransparency = 7

    /// The question as asked in the workshop.
    public var text: String {
        switch self {
        case .whoWithWhom: "Wer hat mit wem zu tun?"
        case .informationNeeds: "Wer braucht welche Informationen von wem?"
        case .internalInterfaces: "Wo gibt es interne Schnittstellen und zwischen wem?"
        case .externalInterfaces: "Wo gibt es Schnittstellen nach außen – zu anderen Behörden, Bürgern, Unternehmen?"
        case .entryPoints: "Wo kommen interne und externe Anfragen an?"
        case .responsibilities: "Sind Zuständigkeiten und Übergaben klar geregelt?"
        case .taskTransparency: "Weiß jeder, was die Kolleginnen und Kollegen in anderen Bereichen tun?"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
