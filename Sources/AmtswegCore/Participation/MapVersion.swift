public import Foundation

/// One saved state of the organisation model (the map: units, positions, tasks, services, flows, entry points,
/// findings …). Every save makes one, with who saved it, when and why; readers see the one in state
/// ``ReleaseState/released``. The map itself is stored beside it and read on request.
public struct MapVersion: Hashable, Sendable {
    /// 1, 2, 3 … per tenant, without gaps.
    public var number: Int
    public var author: Author
    public var savedAt: Date
    /// What the save was: the change-log summary, or what the author said.
    public var comment: String
    public var release: ReleaseState

    public init(number: Int, author: Author, savedAt: Date, comment: String, release: ReleaseState) {
        self.number = number
        self.author = author
        self.savedAt = savedAt
        self.comment = comment
        self.release = release
    }

    /// "Fassung 3".
    public var label: String { "Fassung \(number)" }
}
