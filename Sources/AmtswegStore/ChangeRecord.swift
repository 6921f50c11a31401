public import AmtswegCore
public import Foundation

/// One entry of a tenant's audit log (the change log): who did what to which object, when.
public struct ChangeRecord: Hashable, Sendable, Codable {
    public var tenantID: ID<Tenant>
    public var at: Date
    public var author: Author
    /// A short verb: "saveMap", "deleteTenant".
    public var action: String
    public var summary: String
    /// The object the entry is about, `kind:id` (`process:baugenehmigung-ist`), or empty for the whole tenant.
    public var object: String

    public init(tenantID: ID<Tenant>, at: Date, author: Author, action: String, summary: String, object: String = "") {
        self.object = object
        self.tenantID = tenantID
        self.at = at
        self.author = author
        self.action = action
        self.summary = summary
    }
}
