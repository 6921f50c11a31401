/// Who made a change, carried by every write so that a later audit trail and the release workflow
/// can say who changed what. Local single-user mode writes as ``Author/local``.
public struct Author: Hashable, Sendable, Codable {
    public var id: String
    public var displayName: String

    public init(id: String, displayName: String) {
        self.id = id
        self.displayName = displayName
    }

    /// The author of changes made on the command line or in local single-user mode.
    public static let local = Author(id: "local", displayName: "Lokale Bearbeitung")
}
