public import Foundation

/// Where a local process comes from: the reference process and its version it was derived from.
public struct ProcessLineage: Hashable, Sendable, Codable {
    public var processID: ID<ProcessModel>
    public var masterID: String
    public var masterVersion: String
    public var derivedAt: Date
    public var derivedBy: Author

    public init(
        processID: ID<ProcessModel>, masterID: String, masterVersion: String, derivedAt: Date, derivedBy: Author
    ) {
        self.processID = processID
        self.masterID = masterID
        self.masterVersion = masterVersion
        self.derivedAt = derivedAt
        self.derivedBy = derivedBy
    }
}
