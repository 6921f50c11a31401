/// One level of an OZG maturity model (Reifegrad): "2 – Formular-Assistent".
public struct MaturityLevel: Hashable, Sendable, Codable {
    public var number: Int
    public var name: String
    public var description: String

    public init(number: Int, name: String, description: String) {
        self.number = number
        self.name = name
        self.description = description
    }

    /// "Stufe 2 – Formular-Assistent".
    public var label: String { "Stufe \(number) – \(name)" }
}
