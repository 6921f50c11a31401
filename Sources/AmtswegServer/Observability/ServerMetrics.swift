import Foundation
import Prometheus
import Synchronization

/// What the operator's monitoring reads at `/metrics`, in Prometheus' text format: requests by route, method and
/// status with their durations, uploads refused by a limit, the background analyses, and the store's connections.
///
/// One registry per server (not swift-metrics' process-wide one), so tests that build several servers count each
/// on its own. Counters and histograms are recorded as requests finish; the gauges are read when scraped.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// Latency buckets from 5 ms to 10 s: pages answer in milliseconds, uploads and imports take seconds.
    private static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    // Computed: the descriptor type is not Sendable, so it cannot be a shared constant.
    private static func name(_ subsystem: String, _ metric: String, _ unit: String, _ help: String)
        -> MetricNameDescriptor
    {
        MetricNameDescriptor(
            namespace: "amtsweg", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
    }

    private static var requests: MetricNameDescriptor {
        name("http", "requests", "total", "Answered requests by route, method and status.")
    }
    private static var duration: MetricNameDescriptor {
        name(
            "http", "request_duration", "seconds",
            "Time from a request's arrival until its answer, by route and method.")
    }
    private static var refused: MetricNameDescriptor {
        name(
            "uploads", "refused", "total", "Uploads and forms refused by a limit: size (413) or time (503).")
    }
    private static var jobsQueued: MetricNameDescriptor {
        name("jobs", "queued", "", "Analyses of event logs waiting for their turn.")
    }
    private static var jobsRunning: MetricNameDescriptor {
        name("jobs", "running", "", "Analyses of event logs computing now.")
    }
    private static var jobsFailed: MetricNameDescriptor {
        name("jobs", "failed", "", "Analyses of event logs failed since the server started.")
    }
    private static var connectionsInUse: MetricNameDescriptor {
        name("database", "connections_in_use", "", "Database connections in use.")
    }
    private static var connectionsMax: MetricNameDescriptor {
        name(
            "database", "connections_max", "", "The PostgreSQL connection pool's limit (absent on SQLite).")
    }

    /// Which limit refused an upload or form.
    enum Limit: String { case size, time }

    /// Records one answered request. `route` is the route's pattern (`/processes/{id}`), never the concrete path,
    /// so the number of series stays bounded whatever clients ask for.
    func requestFinished(route: String, method: String, status: Int, duration: Duration) {
        let key = RouteKey(route: route, method: method, status: status)
        let (counter, histogram) = series.withLock { series in
            if let known = series[key] { return known }
            let made = (
                registry.makeCounter(
                    descriptor: Self.requests,
                    labels: [("route", route), ("method", method), ("status", String(status))]),
                registry.makeDurationHistogram(
                    descriptor: Self.duration, labels: [("route", route), ("method", method)], buckets: Self.buckets)
            )
            series[key] = made
            return made
        }
        counter.increment()
        histogram.record(duration)
    }

    /// The series of one route, method and status, made once: the registry builds its key from the labels on
    /// every `make…` call, which under load was a tenth of a kept page's cost.
    private let series = Mutex<[RouteKey: (Counter, DurationHistogram)]>([:])

    private struct RouteKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    func uploadRefused(_ limit: Limit) {
        registry.makeCounter(descriptor: Self.refused, labels: [("limit", limit.rawValue)]).increment()
    }

    /// The metrics in Prometheus' text format, with the gauges set to `jobs` and `connections` first.
    func exposition(jobs: (waiting: Int, running: Int, failed: Int), connections: (inUse: Int, capacity: Int?))
        -> [UInt8]
    {
        registry.makeGauge(descriptor: Self.jobsQueued).set(Int64(jobs.waiting))
        registry.makeGauge(descriptor: Self.jobsRunning).set(Int64(jobs.running))
        registry.makeGauge(descriptor: Self.jobsFailed).set(Int64(jobs.failed))
        registry.makeGauge(descriptor: Self.connectionsInUse).set(Int64(connections.inUse))
        if let capacity = connections.capacity {
            registry.makeGauge(descriptor: Self.connectionsMax).set(Int64(capacity))
        }
        return registry.emitToBuffer()
    }
}
