public import AmtswegCore
public import Foundation

/// One entry of a tenant's change log: who changed what, when.
public struct ChangeRecord: Hashable, Sendable, Codable {
    public var tenantID: ID<Tenant>
    public var at: Date
    public var author: Author
    /// A short verb: "saveMap", "deleteTenant".
    public var action: String
    public var summary: String

    public init(tenantID: ID<Tenant>, at: Date, author: Author, action: String, summary: String) {
        self.tenantID = tenantID
        self.at = at
        self.author = author
        self.action = action
        self.summary = summary
    }
}
