public import AmtswegCore
import ProcessBPMN

/// Everything the pages and the API read about one tenant, loaded once and shared by the requests that
/// follow until a write replaces it: the map, the stored processes and the processes read from their BPMN.
/// Never changed once read (its fields are constants), so what is computed from it can be kept with it. A class:
/// every request's handler and the closures it hands to the page cache hold it, and a copy of the struct retained
/// each of the map's dozens of arrays — a cost on every kept page served.
public final class TenantSnapshot: Sendable {
    public let map: TenantMap
    public let records: [ProcessRecord]
    /// The processes Amtsweg analyses, in record order; a record whose BPMN cannot be read is left out and
    /// named in ``unreadable``.
    public let processes: [ProcessModel]
    public let unreadable: [ID<ProcessModel>]
    /// Which state of the processes this is: the working state or the released versions.
    public let view: ModelView
    /// Where every process stands in review (also those this view leaves out).
    public let statuses: [ID<ProcessModel>: ProcessStatus]
    /// The organisation's newest version when the snapshot was read (read before the map: a write in between
    /// makes a save from this snapshot a conflict, never a lost update); nil before the first version.
    public let mapVersion: Int?

    /// `previous`: the snapshot this one replaces, if any; a record stored unchanged since is not read again
    /// (reading every process's BPMN was most of the work of a new snapshot after a write about one of them).
    public init(
        map: TenantMap, records: [ProcessRecord], view: ModelView = .working,
        statuses: [ID<ProcessModel>: ProcessStatus] = [:], mapVersion: Int? = nil, previous: TenantSnapshot? = nil
    ) {
        self.mapVersion = mapVersion
        self.map = map
        self.records = records
        self.view = view
        self.statuses = statuses
        let unchanged = previous?.readRecords() ?? [:]
        var processes: [ProcessModel] = []
        var unreadable: [ID<ProcessModel>] = []
        for record in records {
            let process: ProcessModel?
            if let kept = unchanged[record.id], kept.record == record {
                process = kept.process
            } else {
                process = try? record.read().process
            }
            if let process { processes.append(process) } else { unreadable.append(record.id) }
        }
        self.processes = processes
        self.unreadable = unreadable
    }

    private let analysis = SnapshotAnalysis()

    /// Each record with what reading it gave (nil: unreadable).
    private func readRecords() -> [ID<ProcessModel>: (record: ProcessRecord, process: ProcessModel?)] {
        let read = Dictionary(processes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(records.map { ($0.id, ($0, read[$0.id])) }, uniquingKeysWith: { first, _ in first })
    }

    /// The process's report (figures, RACI, problems of the process alone): made once per snapshot when `process`
    /// is this snapshot's own, made anew for any other (an edited one, a measured variant).
    public func report(of process: ProcessModel) -> ProcessReport {
        guard processes.first(where: { $0.id == process.id }) == process else {
            return ProcessReport(process: process, map: map)
        }
        return keptReport(process)
    }

    /// The reports of all ``processes``, in their order, each made once per snapshot.
    public var reports: [ProcessReport] { processes.map(keptReport) }

    private func keptReport(_ process: ProcessModel) -> ProcessReport {
        analysis.report(of: process.id) { ProcessReport(process: process, map: map) }
    }

    /// The problem spots the rules find in this snapshot's processes, found once per snapshot.
    public var problemSpots: [ProblemSpot] {
        analysis.problemSpots { ProblemFinder(map: map).findAll(in: processes) }
    }

    /// The version of a process this snapshot holds: the released one, or the newest.
    public func versionNumber(of id: ID<ProcessModel>) -> Int? {
        guard let status = statuses[id] else { return nil }
        return view == .released ? status.released : status.head
    }

    /// The comments this view may show: all in the working view; in the released view, those on the released
    /// version of their process (and answers only where their thread's start is shown).
    public func visible(_ comments: [Comment]) -> [Comment] {
        guard view == .released else { return comments }
        var shown = Set<ID<Comment>>()
        return comments.filter { comment in
            if let process = comment.subject.processID {
                guard let released = statuses[process]?.released, comment.processVersion == released else {
                    return false
                }
            }
            if let root = comment.replyTo, !shown.contains(root) { return false }
            shown.insert(comment.id)
            return true
        }
    }

    public func process(_ id: String) -> ProcessModel? { processes.first { $0.id.rawValue == id } }
    public func record(_ id: String) -> ProcessRecord? { records.first { $0.id.rawValue == id } }
    public func unit(_ id: String) -> OrgUnit? { map.units.first { $0.id.rawValue == id } }
    public func service(_ id: ID<Service>?) -> Service? { id.flatMap { id in map.services.first { $0.id == id } } }
}
