/// A value of an XÖV code list as XProzess writes it: `<x listURI="…" listVersionID="…"><code>104</code></x>`.
/// The list is kept as written; both URN forms of XProzess's own lists (`urn:xoev-de:xprozess:codeliste:…` and
/// `urn:de:xprozess:codeliste:…`) name the same list.
public struct XProzessCode: Hashable, Sendable, Codable {
    public var listURI: String
    public var listVersionID: String
    public var code: String

    public init(listURI: String, listVersionID: String, code: String) {
        self.listURI = listURI
        self.listVersionID = listVersionID
        self.code = code
    }

    /// The list's name without its URN prefix: "handlungsgrundlagenart", "referenzaktivitaetengruppe".
    public var listName: String {
        for prefix in [
            "urn:xoev-de:xprozess:codeliste:", "urn:de:xprozess:codeliste:", "urn:xoev-de:mv:em:codeliste:xprozess:",
        ]
        where listURI.hasPrefix(prefix) {
            return String(listURI.dropFirst(prefix.count))
        }
        return listURI
    }
}
