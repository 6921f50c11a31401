import AmtswegCore
import AmtswegStore
import AmtswegSupport
import Foundation

/// Long analyses of event logs — discovery and conformance — run as background jobs.
///
/// A page or API call that needs one submits it and answers at once: with the result when it is known, with
/// the job's progress otherwise (the page shows it and looks again; the API returns 202 and the job resource).
/// At most `limit` jobs compute at once, each on a thread of its own — not on NIO's thread pool, which reads
/// uploads and stored logs for every other request, and not on the cooperative pool, which serves requests.
/// Results stay, per tenant, log, filter and subject (see ``AnalysisKey``), until newer ones push them out.
actor AnalysisJobs {
    enum Kind: String, Sendable { case discovery, conformance }
    enum State: String, Sendable { case queued, running, done, failed }

    /// A job as a page or the API sees it.
    struct Status: Sendable {
        var id: String
        var kind: Kind
        var key: AnalysisKey
        var state: State
        /// 0 to 1; exactly 1 only when done.
        var fraction: Double
        var queuedAt: Date
        var startedAt: Date?
        var finishedAt: Date?
        /// Why it failed, in words for the page.
        var failure: String?
        var result: (any Sendable)?

        func result<Result>(as type: Result.Type) -> Result? { result as? Result }
        var isFinished: Bool { state == .done || state == .failed }
    }

    private final class Job {
        var status: Status
        let progress = WorkProgress()
        let work: @Sendable (WorkProgress) throws -> any Sendable

        init(status: Status, work: @escaping @Sendable (WorkProgress) throws -> any Sendable) {
            self.status = status
            self.work = work
        }
    }

    /// How many jobs compute at once.
    let limit: Int
    /// Awaited before a job computes; tests hold jobs here to look at the server while one runs.
    private let hold: (@Sendable () async -> Void)?
    /// Finished jobs kept with their results; the oldest finished go first.
    private let keptFinished = 32
    private var jobs: [String: Job] = [:]
    private var idByKey: [AnalysisKey: String] = [:]
    private var waiting: [String] = []
    private var running = 0
    private var failedCount = 0

    init(limit: Int, hold: (@Sendable () async -> Void)? = nil) {
        self.limit = max(1, limit)
        self.hold = hold
    }

    /// The job computing `key`: the existing one (queued, running or finished), or a new one for `work`.
    /// `isNew` says that this call created it — an analysis someone ran, for the audit log.
    func submit(_ key: AnalysisKey, kind: Kind, work: @escaping @Sendable (WorkProgress) throws -> any Sendable)
        -> (status: Status, isNew: Bool)
    {
        if let id = idByKey[key], let job = jobs[id] { return (current(job), false) }
        let id = "job-" + String(UInt64.random(in: 1...UInt64.max), radix: 16)
        let job = Job(
            status: Status(id: id, kind: kind, key: key, state: .queued, fraction: 0, queuedAt: Date()), work: work)
        jobs[id] = job
        idByKey[key] = id
        waiting.append(id)
        startWaiting()
        return (current(job), true)
    }

    /// The job `id` of `tenant`; `nil` for another tenant's job, so identifiers reveal nothing across tenants.
    func status(_ id: String, of tenant: ID<Tenant>) -> Status? {
        guard let job = jobs[id], job.status.key.tenant == tenant else { return nil }
        return current(job)
    }

    /// How many jobs wait and how many compute (for the page that explains a wait).
    var load: (waiting: Int, running: Int) { (waiting.count, running) }

    /// How many jobs wait, compute, and have failed since the server started (for the operator's metrics).
    var counts: (waiting: Int, running: Int, failed: Int) { (waiting.count, running, failedCount) }

    private func current(_ job: Job) -> Status {
        var status = job.status
        if status.state == .running { status.fraction = job.progress.fraction }
        return status
    }

    private func startWaiting() {
        while running < limit, !waiting.isEmpty {
            let id = waiting.removeFirst()
            guard let job = jobs[id] else { continue }
            running += 1
            job.status.state = .running
            job.status.startedAt = Date()
            let work = job.work, progress = job.progress, hold = hold
            Task {
                await hold?()
                let outcome = await Self.onThreadOfItsOwn { Result { try work(progress) } }
                self.finish(id, outcome)
            }
        }
    }

    private func finish(_ id: String, _ outcome: Result<any Sendable, any Error>) {
        running -= 1
        if let job = jobs[id] {
            job.status.finishedAt = Date()
            switch outcome {
            case .success(let result):
                job.status.state = .done
                job.status.fraction = 1
                job.status.result = result
            case .failure(let error):
                job.status.state = .failed
                failedCount += 1
                job.status.failure = String(describing: error)
            }
        }
        forgetOldest()
        startWaiting()
    }

    private func forgetOldest() {
        let finished = jobs.values.filter(\.status.isFinished)
        guard finished.count > keptFinished else { return }
        let oldest = finished.sorted { ($0.status.finishedAt ?? .distantPast) < ($1.status.finishedAt ?? .distantPast) }
        for job in oldest.prefix(finished.count - keptFinished) {
            jobs[job.status.id] = nil
            idByKey[job.status.key] = nil
        }
    }

    /// Runs `body` on a new thread with a stack deep enough for the miner's recursion on wide logs.
    private static func onThreadOfItsOwn<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
