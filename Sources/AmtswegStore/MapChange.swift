import AmtswegCore

/// What a save of the map changed, for its audit entry: the action, the object and a sentence. A save without
/// one is logged as the whole map saved.
public struct MapChange: Hashable, Sendable {
    public var action: String
    /// `kind:id`, as ``ChangeRecord/object``.
    public var object: String
    public var summary: String

    public init(action: String, object: String, summary: String) {
        self.action = action
        self.object = object
        self.summary = summary
    }
}
