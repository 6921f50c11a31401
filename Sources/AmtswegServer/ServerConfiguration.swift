public import AmtswegStore
public import Foundation
import Hummingbird
public import Logging
public import ProcessMining

/// How `amtsweg serve` runs: where it listens, which store it opens, and the limits it enforces.
public struct ServerConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// The store: the embedded SQLite file, or a PostgreSQL database.
    public var database: StoreLocation
    /// Writes the Musterstadt demo into the store when the store holds no tenant yet.
    public var loadDemo: Bool
    /// The largest upload (BPMN file or event log) accepted; larger ones get 413 with a message.
    public var maxUploadBytes: Int
    /// The most an uploaded, compressed event log may inflate to; checked while inflating, so a small file
    /// that inflates a thousandfold is refused early. Logs compress about tenfold; four times the upload limit
    /// keeps the server's memory bounded on the reader's fallback path, which holds the inflated text.
    public var maxDecompressedBytes: Int
    /// How long any request may take before the client gets 503.
    public var requestTimeLimit: Duration = .seconds(120)
    /// The largest form body (not a file) accepted.
    public var maxFormBytes: Int
    /// The folder that holds `templates/` and `static/`; the target's bundled resources by default.
    public var resources: URL
    /// Pseudonymises the resources of uploaded event logs (the installation's key).
    public var pseudonymizer: ResourcePseudonymizer
    /// How much the server logs; tests lower it to warnings.
    public var logLevel: Logger.Level
    /// Local single-user mode: on a loopback address, whoever is not signed in acts as the local
    /// administrator. Off on any other address, where everyone signs in.
    public var localMode: Bool
    /// The address people reach the server at (`--public-url`): its host is answered for, an `https` one makes
    /// cookies `Secure`, and forms sent from it are not cross-site even behind a proxy.
    public var publicURL: URL?
    /// The clock: which day it is for the roadmap's schedule and measurements. Tests fix it.
    public var now: @Sendable () -> Date = Date.init
    /// How long a sign-in lasts.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Failed sign-ins in a row that lock an account, and for how long.
    public var lockoutThreshold = 5
    public var lockoutDuration: TimeInterval = 15 * 60
    /// Where log lines go; the process's logging system when `nil`. Tests capture them to prove that no secret
    /// is ever logged.
    public var logHandler: (@Sendable (String) -> any LogHandler)?
    /// bcrypt's work factor for new passwords (2^cost rounds); each hash carries its own, so it can change.
    public var passwordCost: UInt8 = Secrets.defaultCost
    /// Whether views derived from a tenant's data (pages, drawings) are kept until the data changes. Off only to
    /// measure what a cache miss costs (`bench/web-benchmark`).
    public var keepsDerivedViews = true
    /// Off for a router driven in-process (tests), which has no connection pipeline to replay in.
    public var replayAnswers = true
    /// Whether answers made from kept views are replayed to identical requests before the router
    /// (``ReplayedAnswers``): only where views are kept and the store has no other writer — an SQLite file is
    /// written by this server alone, a PostgreSQL database perhaps by other instances too.
    var replaysAnswers: Bool {
        guard replayAnswers, keepsDerivedViews, case .sqlite = database else { return false }
        return true
    }
    /// How many analyses of event logs (discovery, conformance) compute at once in the background; more wait
    /// in line. Half the cores: an alignment spreads its variants over all of them, and requests need some.
    public var analysisJobLimit = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    /// How many reads (GET, HEAD) the server works on at once (`--max-active-reads`); more wait their turn in the
    /// order they came (``AdmissionMiddleware``). Under more requests than the cores keep up with, each request
    /// interleaved with all others waited once per step for all of them — a page that asks the database twice
    /// waited several times as long as one kept in memory; in line, each waits about as long as the others and is
    /// then answered quickly. Writes and uploads do not wait here (an upload's body would hold a turn).
    public var maxActiveReads = ServerConfiguration.defaultActiveReads
    /// Three per core, at least four: enough to keep the cores busy while some reads wait for the database.
    public static let defaultActiveReads = max(4, 3 * ProcessInfo.processInfo.activeProcessorCount)
    /// How many connections to PostgreSQL the server reads on at most (`--database-connections`); writes have one of
    /// their own. Connections beyond what the cores can serve only make the database's processes take turns: under
    /// the cluster benchmark two instances with 16 each answered fewer pages in time than with 4.
    public var databaseConnections = ServerConfiguration.defaultDatabaseConnections
    /// Twice the cores, at least four: PostgreSQL's own rule of thumb for a server's connections in all.
    public static let defaultDatabaseConnections = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
    /// The reverse proxies in front of the server (their IP addresses, `--trusted-proxy`): only a request from one
    /// of them may say whom it forwards (`X-Forwarded-For`, `Forwarded: for=`), so sign-in throttling counts the
    /// browser's address, not the proxy's — and nobody else can pretend to be another address.
    public var trustedProxies: Set<String> = []
    /// The token Prometheus brings (`Authorization: Bearer …`) to read `/metrics`; without one, `/metrics` is off
    /// (404). Not an account's token: metrics act for no one and show no tenant's data.
    public var metricsToken: String?
    /// Awaited before each analysis job computes. Tests hold jobs here to show the server answering while one
    /// runs; `nil` in every real server.
    public var holdAnalysisJob: (@Sendable () async -> Void)?

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, database: StoreLocation, loadDemo: Bool = false,
        maxUploadBytes: Int = 100 << 20, maxFormBytes: Int = 1 << 20, resources: URL = ServerConfiguration.bundled,
        pseudonymizer: ResourcePseudonymizer, logLevel: Logger.Level = .info, localMode: Bool? = nil,
        publicURL: URL? = nil
    ) {
        self.localMode = localMode ?? Self.isLoopback(hostname)
        self.publicURL = publicURL
        self.hostname = hostname
        self.port = port
        self.database = database
        self.loadDemo = loadDemo
        self.maxUploadBytes = maxUploadBytes
        self.maxDecompressedBytes = 4 * maxUploadBytes
        self.maxFormBytes = maxFormBytes
        self.resources = resources
        self.pseudonymizer = pseudonymizer
        self.logLevel = logLevel
    }

    /// Whether `hostname` only accepts connections from this machine.
    public static func isLoopback(_ hostname: String) -> Bool {
        ["127.0.0.1", "localhost", "::1"].contains(hostname.lowercased()) || hostname.hasPrefix("127.")
    }

    /// The host names this server answers for; any other `Host` gets 421. Empty only when neither local mode
    /// nor a public URL says which (`serve` refuses to start so).
    public var allowedHosts: Set<String> {
        var hosts: Set<String> = localMode ? ["localhost", "127.0.0.1", "::1"] : []
        if let host = publicURL?.host?.lowercased() { hosts.insert(host) }
        return hosts
    }

    /// Whether cookies get `Secure`: the server is reached over TLS.
    public var isSecure: Bool { publicURL?.scheme?.lowercased() == "https" }

    /// Whether this request's cookies get `Secure`: the server is reached over TLS, or a proxy in front of it
    /// says the browser used https (`X-Forwarded-Proto`, `Forwarded: proto=https`). Trusting the header costs
    /// nothing: a forged one only keeps the sender's own cookie off plain http.
    func isSecure(_ headers: HTTPFields) -> Bool {
        if isSecure { return true }
        func trimmed(_ part: Substring) -> String { part.trimmingCharacters(in: .whitespaces).lowercased() }
        // The first entry is the proxy nearest the browser.
        if let proto = headers.forwardedProto?.split(separator: ",").first, trimmed(proto) == "https" {
            return true
        }
        guard let first = headers.forwarded?.split(separator: ",").first else { return false }
        return first.split(separator: ";").contains { trimmed($0) == "proto=https" }
    }

    /// The address a request comes from: the peer's, or — when the peer is a trusted proxy — the nearest address
    /// in its forwarding chain that is not itself a trusted proxy (the chain is read from the right, where each
    /// proxy appends the address it received the request from).
    func clientAddress(peer: String, headers: HTTPFields) -> String {
        guard trustedProxies.contains(peer) else { return peer }
        var chain: [String] = []
        if let forwardedFor = headers.forwardedFor {
            chain = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } else if let forwarded = headers.forwarded {
            chain = forwarded.split(separator: ",").compactMap { element in
                element.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix("for=") }
                    .map { Self.forwardedNode(String($0.dropFirst(4))) }
            }
        }
        return chain.reversed().first { !trustedProxies.contains($0) && !$0.isEmpty } ?? peer
    }

    /// `192.0.2.60`, `"192.0.2.60:8080"`, `"[2001:db8::1]:4711"` → the address alone.
    static func forwardedNode(_ node: String) -> String {
        var value = node.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if value.hasPrefix("["), let end = value.firstIndex(of: "]") {
            return String(value[value.index(after: value.startIndex)..<end])
        }
        if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
            value = String(value[..<colon])
        }
        return value
    }

    /// A logger with the configured level.
    public func logger(_ label: String) -> Logger {
        var logger = logHandler.map { Logger(label: label, factory: $0) } ?? Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }

    /// The templates, styles and scripts that ship with the target.
    public static var bundled: URL {
        // Foundation on Linux reports a bundle folder that holds a `Resources` folder as its resource URL
        // already; on macOS the copied folder sits inside the resource URL. Take whichever has the templates.
        let candidates = [Bundle.module.resourceURL, Bundle.module.resourceURL?.appendingPathComponent("Resources")]
        return candidates.compactMap { $0 }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path)
        } ?? Bundle.module.bundleURL
    }
}
