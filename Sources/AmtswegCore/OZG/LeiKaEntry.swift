import Foundation

/// One service of the Leistungskatalog (LeiKa) as the OZG catalogue maps it: its key, its type, legal bases,
/// whether the Single Digital Gateway regulation names it, and the OZG-Leistung it belongs to.
public struct LeiKaEntry: Hashable, Sendable, Codable {
    /// A law or provision with the address of its text.
    public struct LegalReference: Hashable, Sendable, Codable {
        public var name: String
        public var url: String?

        public init(name: String, url: String?) {
            self.name = name
            self.url = url
        }
    }

    /// The key; `nil` for the catalogue's entries marked "nicht im LeiKa" (they still belong to an OZG-Leistung).
    public var key: LeiKaKey?
    public var name: String
    /// The LeiKa type ("1", "2/3", "4" … — who regulates and who executes the service), as the catalogue writes it.
    public var type: String
    public var legalBases: [LegalReference]
    /// The laws by name and by abbreviation, as the catalogue lists them.
    public var laws: String
    public var lawAbbreviations: String
    /// Named in annex I or II of the Single Digital Gateway regulation.
    public var sdg1: Bool
    public var sdg2: Bool
    /// The OZG-Leistung (OZG-ID); `nil` where the catalogue maps the entry to none.
    public var ozgServiceID: Int?

    public init(
        key: LeiKaKey?, name: String, type: String = "", legalBases: [LegalReference] = [], laws: String = "",
        lawAbbreviations: String = "", sdg1: Bool = false, sdg2: Bool = false, ozgServiceID: Int?
    ) {
        self.key = key
        self.name = name
        self.type = type
        self.legalBases = legalBases
        self.laws = laws
        self.lawAbbreviations = lawAbbreviations
        self.sdg1 = sdg1
        self.sdg2 = sdg2
        self.ozgServiceID = ozgServiceID
    }

    /// The level of detail its key encodes: Leistungsobjekt ("lo", the last seven digits zero), with
    /// Verrichtung ("lov"), with Verrichtungsdetail ("lovd").
    public var keyLevel: String? {
        guard let digits = key?.rawValue else { return nil }
        if digits.hasSuffix("0000000") { return "lo" }
        return digits.hasSuffix("000") ? "lov" : "lovd"
    }

    /// Reads the catalogue's legal-bases text: "§ 882g ZPO [http://…], § 5 ArbSchG [http://…]". A reference
    /// without brackets keeps its whole text as name.
    public static func legalReferences(in text: String) -> [LegalReference] {
        var references: [LegalReference] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            rest = rest.drop { $0 == "," || $0 == " " }
            guard !rest.isEmpty else { break }
            if let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]"),
                !rest[..<open].contains("]")
            {
                let name = rest[..<open].trimmingCharacters(in: .init(charactersIn: " ,"))
                let url = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                references.append(LegalReference(name: name, url: url.isEmpty ? nil : url))
                rest = rest[rest.index(after: close)...]
            } else {
                references.append(
                    LegalReference(name: rest.trimmingCharacters(in: .init(charactersIn: " ,")), url: nil))
                break
            }
        }
        return references.filter { !$0.name.isEmpty || $0.url != nil }
    }
}
