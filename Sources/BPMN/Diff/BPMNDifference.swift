/// One semantic difference between two BPMN models.
public struct BPMNDifference: Hashable, Sendable, CustomStringConvertible {
    /// Where: the chain of elements from `definitions`, e.g. "process 'P1' › userTask 'T1'".
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
