public import AmtswegCore
public import BPMN

/// Two versions of one process, read and compared: what changed in words (``ProcessDelta``) and every
/// element's difference as ``BPMNDiff`` finds it. The version page, the API and `amtsweg process diff` show
/// the same comparison.
public struct VersionComparison: Sendable {
    public var from: ProcessVersion
    public var to: ProcessVersion
    public var delta: ProcessDelta
    public var differences: [BPMNDifference]
    /// The newer version's model, to draw with the changes marked.
    public var toModel: BPMNModel

    /// Throws when either version's BPMN cannot be read, naming the version.
    public init(from: ProcessVersion, to: ProcessVersion) throws(VersionComparison.Unreadable) {
        let older = try Self.read(from), newer = try Self.read(to)
        self.from = from
        self.to = to
        toModel = newer.model
        delta = ProcessDelta(from: older.process, to: newer.process)
        differences = BPMNDiff.compare(older.model, newer.model)
    }

    /// A version whose stored BPMN does not read.
    public struct Unreadable: Error, CustomStringConvertible {
        public var version: Int
        public var cause: BPMNError
        public var description: String { "Das BPMN der Fassung \(version) ist nicht lesbar: \(cause)" }
    }

    private static func read(_ version: ProcessVersion) throws(Unreadable) -> (model: BPMNModel, process: ProcessModel)
    {
        do { return try version.record.read() } catch { throw Unreadable(version: version.number, cause: error) }
    }
}
