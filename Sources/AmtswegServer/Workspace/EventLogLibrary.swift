import AmtswegCore
import AmtswegStore
import Foundation
import MinedProcesses
import NIOPosix
import ProcessMining

/// Reads uploaded event logs into the store and stored ones back into memory.
///
/// An upload is parsed completely before anything is stored (a broken file stores nothing), its resources
/// are pseudonymised unless the uploader opted out, and it is kept as compressed XES. Parsed logs are cached
/// per tenant and log: the analyses of one page visit read the same log several times.
actor EventLogLibrary {
    let repository: any Store
    let pseudonymizer: ResourcePseudonymizer
    /// Parsed logs with their facts (content left out), most recently used last in `order`.
    private var cache: [String: (record: EventLogRecord, log: EventLog)] = [:]
    private var order: [String] = []
    private let capacity = 4
    /// Discovery and conformance of logs, computed in the background; the page and its diagram need the same
    /// result, so jobs are kept by tenant, log, filter and subject.
    let jobs: AnalysisJobs

    /// The most bytes an uploaded log may inflate to (gzip), checked while inflating.
    let maxDecompressedBytes: Int

    init(repository: any Store, pseudonymizer: ResourcePseudonymizer, maxDecompressedBytes: Int, jobs: AnalysisJobs) {
        self.repository = repository
        self.jobs = jobs
        self.pseudonymizer = pseudonymizer
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// Parses an uploaded file (XES, XES.gz or CSV) on NIO's thread pool — outside this actor and the request
    /// executor, so a large upload holds up neither the other logs' pages nor the server's other requests.
    nonisolated func parse(_ data: Data, fileName: String) async throws -> EventLog {
        let limit = maxDecompressedBytes
        let parsed: EventLog = try await NIOThreadPool.singleton.runIfActive {
            fileName.lowercased().hasSuffix(".csv")
                ? try CSVLogReader.read(data, file: fileName)
                : try XESReader.read(data, file: fileName, maxBytes: limit)
        }
        guard parsed.caseCount > 0 else {
            throw MiningError(file: fileName, message: "Das Protokoll enthält keinen einzigen Fall.")
        }
        return parsed
    }

    /// Parses an uploaded file and stores it with each attribute kept, pseudonymised or dropped as chosen
    /// (person-related ones pseudonymised unless chosen otherwise). Throws ``MiningError`` naming the file, line
    /// and cause when the file cannot be read; nothing is stored then, and nothing of a dropped attribute is
    /// stored, cached or logged.
    nonisolated func importLog(
        _ data: Data, fileName: String, name: String, privacy: PrivacyChoices, processID: ID<ProcessModel>?,
        units: (data: Data, fileName: String)?, tenant: ID<Tenant>, author: Author, existing: [EventLogRecord]
    ) async throws -> EventLogRecord {
        let parsed = try await parse(data, fileName: fileName)
        let attributes = parsed.attributeOverview(samples: 0)
        let log = parsed.applying(privacy, with: pseudonymizer)
        let resource = attributes.first { $0.id == "event:" + EventLog.resourceKey }.map(privacy.treatment(of:))
        // The mapping names people as the log does; it is pseudonymised with the same key, so it matches.
        var resourceUnits = ResourceUnits([:])
        if let units, resource != .drop {
            resourceUnits = try ResourceUnits.read(units.data, file: units.fileName)
            if resource == .pseudonymise { resourceUnits = resourceUnits.pseudonymised(with: pseudonymizer) }
        }
        let taken = Set(existing.map(\.id.rawValue))
        var number = existing.count + 1
        while taken.contains("log-\(number)") { number += 1 }
        let choices = attributes.compactMap { attribute -> String? in
            let treatment = privacy.treatment(of: attribute)
            return treatment == .keep ? nil : "\(attribute.key): \(treatment.label)"
        }
        let record = EventLogRecord(
            id: ID("log-\(number)"), name: name.isEmpty ? fileName : name, fileName: fileName, uploadedAt: Date(),
            uploadedBy: author, caseCount: log.caseCount, eventCount: log.eventCount,
            isPseudonymised: resource != .keep, processID: processID, resourceUnits: resourceUnits.unitOfResource,
            xesGzip: try XESWriter.writeCompressed(log, file: fileName), privacy: choices.joined(separator: "; "))
        try await repository.saveEventLog(record, of: tenant, by: author)
        await remember(record, log, key: "\(tenant)/\(record.id)")
        return record
    }

    /// The stored log with its facts. Reading runs on the thread pool, outside this actor.
    nonisolated func log(_ id: ID<EventLogRecord>, of tenant: ID<Tenant>) async throws -> (EventLogRecord, EventLog) {
        let key = "\(tenant)/\(id)"
        if let cached = await cached(key) { return cached }
        let record = try await repository.eventLog(id, of: tenant)
        let log = try await NIOThreadPool.singleton.runIfActive {
            try XESReader.read(record.xesGzip, file: "\(record.id).xes.gz")
        }
        await remember(record, log, key: key)
        return await cached(key) ?? (record, log)
    }

    private func cached(_ key: String) -> (record: EventLogRecord, log: EventLog)? { cache[key] }

    /// A discovered process: the tree the miner found, and the same as a process to draw and compare.
    struct Discovered: Sendable {
        var tree: ProcessTree
        var process: ProcessModel
    }

    /// The alignments of a log with one process.
    struct Aligned: Sendable {
        var process: ID<ProcessModel>
        var report: AlignmentReport
    }

    /// The job aligning `log` with `process` (optimal alignments; a large log takes seconds or minutes). Its
    /// result is ``Aligned``. `isNew` says that this call started it — an analysis someone ran, for
    /// the audit log.
    nonisolated func alignments(of log: EventLog, against process: ProcessModel, key: AnalysisKey) async
        -> (status: AnalysisJobs.Status, isNew: Bool)
    {
        await jobs.submit(key, kind: .conformance) { progress in
            Aligned(
                process: process.id, report: try AlignmentReport(log: log, net: process.petriNet(), progress: progress))
        }
    }

    /// The job discovering the process of `log` (inductive miner, 20 % noise); its result is ``Discovered``.
    /// `isNew` as for ``alignments(of:against:key:)``.
    nonisolated func discovery(of log: EventLog, key: AnalysisKey, name: String) async
        -> (status: AnalysisJobs.Status, isNew: Bool)
    {
        await jobs.submit(key, kind: .discovery) { progress in
            let tree = InductiveMiner(noiseThreshold: 0.2).discover(log, progress: progress)
            return Discovered(tree: tree, process: ProcessModel(discovered: tree, id: ID(key.log.rawValue), name: name))
        }
    }

    /// Logs are written once and never changed (a new upload is a new log), so a cached one stays valid.
    private func remember(_ record: EventLogRecord, _ log: EventLog, key: String) {
        var facts = record
        facts.xesGzip = Data()
        cache[key] = (facts, log)
        order.removeAll { $0 == key }
        order.append(key)
        while order.count > capacity { cache[order.removeFirst()] = nil }
    }
}

/// What an analysis of a log is cached by: the tenant (log identifiers repeat across tenants), the log, the filter
/// the visitor chose, and what the log is analysed against (a process version, or the discovery's parameters).
struct AnalysisKey: Hashable, Sendable {
    var tenant: ID<Tenant>
    var log: ID<EventLogRecord>
    var filter: String
    var subject: String
}
