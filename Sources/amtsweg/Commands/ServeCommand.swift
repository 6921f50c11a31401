import AmtswegCore
import AmtswegServer
import AmtswegStore
import ArgumentParser
import Foundation
import Hummingbird

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Startet die Weboberfläche und die JSON-API (Standard: http://localhost:8080).",
        discussion: """
            Ohne --db und --postgres (oder AMTSWEG_DATABASE_URL) liegt die Datenbank in \
            $AMTSWEG_HOME/amtsweg.sqlite (Standard: ~/.amtsweg). \
            Mit --demo wird die Demo-Kommune Musterstadt geladen, wenn die Datenbank noch leer ist. \
            Prometheus-Metriken unter /metrics gibt es, wenn AMTSWEG_METRICS_TOKEN gesetzt ist (Abruf mit \
            „Authorization: Bearer TOKEN“); das Token steht absichtlich nicht auf der Befehlszeile, die jeder \
            Benutzer des Rechners mit ps lesen kann.
            """)

    @Option(name: .long, help: "SQLite-Datenbankdatei (wird bei Bedarf angelegt).") var db: String?
    @Option(
        name: .long,
        help:
            "PostgreSQL-Datenbank statt SQLite: postgres://BENUTZER:PASSWORT@HOST:PORT/DATENBANK (auch AMTSWEG_DATABASE_URL)."
    )
    var postgres: String?
    @Option(name: .long, help: "Port (auch AMTSWEG_PORT; Standard 8080).") var port: Int?
    @Option(name: .long, help: "Adresse, auf der der Server lauscht (auch AMTSWEG_HOSTNAME; Standard 127.0.0.1).")
    var hostname: String?
    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(
        name: .long,
        help: "Protokollzeilen als Text oder als JSON, eine je Zeile mit Anfrage-Kennung (auch AMTSWEG_LOG_FORMAT).")
    var logFormat: LogFormat?
    @Flag(name: .long, help: "Die Demo-Kommune Musterstadt laden, wenn die Datenbank leer ist.") var demo = false
    @Option(name: .long, help: "Größte erlaubte Upload-Datei in MB (auch AMTSWEG_MAX_UPLOAD_MB; Standard 100).")
    var maxUploadMB: Int?
    @Option(
        name: .long,
        help:
            "Wie viele Leseanfragen zugleich bearbeitet werden; weitere warten in der Reihenfolge ihres Eintreffens (auch AMTSWEG_MAX_ACTIVE_READS; Standard dreimal die Zahl der Prozessorkerne, mindestens 4)."
    )
    var maxActiveReads: Int?
    @Option(
        name: .long,
        help:
            "Wie viele Verbindungen zu PostgreSQL zum Lesen offen sein dürfen; eine weitere schreibt (auch AMTSWEG_DATABASE_CONNECTIONS; Standard zweimal die Zahl der Prozessorkerne, mindestens 4)."
    )
    var databaseConnections: Int?
    @Option(
        name: .long,
        help:
            "Adresse, unter der der Server erreichbar ist, z. B. https://amtsweg.musterstadt.de (auch AMTSWEG_PUBLIC_URL)."
    )
    var publicURL: String?
    @Option(
        name: .customLong("trusted-proxy"),
        help:
            "IP-Adresse eines vorgeschalteten Reverse-Proxys, dessen X-Forwarded-For geglaubt wird (mehrfach möglich; auch AMTSWEG_TRUSTED_PROXIES, durch Kommas getrennt)."
    )
    var trustedProxies: [String] = []
    @Flag(
        name: .customLong("no-view-cache"),
        help:
            "Nur für Messungen: Seiten bei jeder Anfrage neu berechnen, statt sie bis zur nächsten Änderung zu behalten."
    )
    var noViewCache = false

    func run() async throws {
        try await reportingErrors {
            // Every setting also from the environment, for a service unit or a container; an option wins.
            let environment = ProcessInfo.processInfo.environment
            func setting<Value>(_ option: Value?, _ variable: String, _ parse: (String) -> Value?, default: Value)
                throws
                -> Value
            {
                if let option { return option }
                guard let text = environment[variable], !text.isEmpty else { return `default` }
                guard let value = parse(text) else { throw CLIError("\(variable)=\(text) ist kein gültiger Wert.") }
                return value
            }
            let port = try setting(port, "AMTSWEG_PORT", { Int($0) }, default: 8080)
            let hostname = try setting(hostname, "AMTSWEG_HOSTNAME", { $0 }, default: "127.0.0.1")
            let maxUploadMB = try setting(maxUploadMB, "AMTSWEG_MAX_UPLOAD_MB", { Int($0) }, default: 100)
            let maxActiveReads = try setting(
                maxActiveReads, "AMTSWEG_MAX_ACTIVE_READS", { Int($0) }, default: ServerConfiguration.defaultActiveReads
            )
            guard maxActiveReads > 0 else { throw CLIError("--max-active-reads braucht eine Zahl größer als 0.") }
            let databaseConnections = try setting(
                databaseConnections, "AMTSWEG_DATABASE_CONNECTIONS", { Int($0) },
                default: ServerConfiguration.defaultDatabaseConnections)
            guard databaseConnections > 0 else {
                throw CLIError("--database-connections braucht eine Zahl größer als 0.")
            }
            let logsJSON =
                try setting(logFormat, "AMTSWEG_LOG_FORMAT", LogFormat.init(rawValue:), default: .text) == .json
            if logsJSON { JSONLogHandler.bootstrap() } else { TextLogHandler.bootstrap() }
            if db != nil, postgres != nil { throw CLIError("Entweder --db oder --postgres, nicht beide.") }
            guard let database = try StoreLocation.chosen(db: db, postgres: postgres, fallback: Self.defaultDatabase)
            else { throw CLIError("Keine Datenbank.") }
            let pseudonymizer = try PseudonymKey.load()
            let publicURL = try (publicURL ?? ProcessInfo.processInfo.environment["AMTSWEG_PUBLIC_URL"]).map {
                text -> URL in
                guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()),
                    url.host?.isEmpty == false
                else { throw CLIError("--public-url '\(text)' ist keine http- oder https-Adresse.") }
                return url
            }
            var configuration = ServerConfiguration(
                hostname: hostname, port: port, database: database, loadDemo: demo,
                maxUploadBytes: maxUploadMB << 20, pseudonymizer: pseudonymizer, publicURL: publicURL)
            configuration.keepsDerivedViews = !noViewCache
            configuration.maxActiveReads = maxActiveReads
            configuration.databaseConnections = databaseConnections
            configuration.trustedProxies = Set(
                trustedProxies.isEmpty
                    ? (environment["AMTSWEG_TRUSTED_PROXIES"] ?? "").split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty } : trustedProxies)
            if let token = environment["AMTSWEG_METRICS_TOKEN"], !token.isEmpty {
                guard token.count >= 16 else {
                    throw CLIError("AMTSWEG_METRICS_TOKEN ist zu kurz: mindestens 16 Zeichen, besser zufällig.")
                }
                configuration.metricsToken = token
            }
            if !configuration.localMode {
                try await Self.requireSharedSetup(configuration)
            }
            let app = try await buildApplication(configuration)
            // With JSON logs, standard output holds JSON lines only (the server logs that it listens).
            if !logsJSON {
                print(
                    "Amtsweg läuft auf http://\(hostname == "0.0.0.0" ? "localhost" : hostname):\(port) – Datenbank \(database)"
                )
                // The log lines after it go past stdio's buffer (``LogOutput``).
                fflush(nil)
            }
            let watchdog = ShutdownWatchdog(grace: 4)
            defer { withExtendedLifetime(watchdog) {} }
            defer { LogOutput.standardOutput.flush() }
            try await app.runService()
            await SQLiteEngine.closeAllKeptConnections()
        }
    }

    /// A server others can reach needs someone who can sign in as administrator, and the address people use
    /// (only that host name is answered, against DNS rebinding).
    static func requireSharedSetup(_ configuration: ServerConfiguration) async throws {
        let repository = try await SQLMapRepository(engine: configuration.database.engine(connections: 2))
        var hasAdministrator = false
        for account in try await repository.accounts() where !account.isDisabled && account.name != Account.localName {
            if try await repository.memberships(of: account.id).contains(where: { $0.role == .administration }) {
                hasAdministrator = true
            }
        }
        let demo = try await DemoLoader.accountsWithDemoPassword(in: repository)
        guard demo.isEmpty else {
            throw CLIError(
                """
                Die Demo-Konten \(demo.joined(separator: ", ")) haben noch das Demo-Passwort, das auf der \
                Anmeldeseite steht; so ist der Server nur auf 127.0.0.1 erlaubt. Vorher sperren oder neu setzen:
                  amtsweg user disable NAME \(configuration.database.option)
                """)
        }
        guard hasAdministrator else {
            throw CLIError(
                """
                Auf \(configuration.hostname) ist der Server von anderen Rechnern erreichbar; dafür braucht es zuerst \
                ein Konto mit der Rolle Administration. Anlegen mit:
                  amtsweg user add NAME --role administration \(configuration.database.option)
                (Ohne Anmeldung läuft Amtsweg nur auf 127.0.0.1.)
                """)
        }
        guard configuration.publicURL != nil else {
            throw CLIError(
                "Auf \(configuration.hostname) braucht der Server seine Adresse: --public-url https://… "
                    + "(oder AMTSWEG_PUBLIC_URL). Er antwortet nur unter diesem Namen.")
        }
    }

    static func defaultDatabase() throws -> String {
        let home =
            ProcessInfo.processInfo.environment["AMTSWEG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".amtsweg")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home.appendingPathComponent("amtsweg.sqlite").path
    }
}

/// Ends the process a few seconds after SIGTERM or SIGINT even if a request is still busy (a parser in a loop
/// does not notice cancellation): the graceful shutdown gets its chance first, the process stops for sure.
final class ShutdownWatchdog {
    private let sources: [any DispatchSourceSignal]

    init(grace seconds: Double) {
        sources = [SIGTERM, SIGINT].map { signal in
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                    FileHandle.standardError.write(Data("amtsweg: nach \(Int(seconds)) s beendet.\n".utf8))
                    LogOutput.standardOutput.flush()
                    exit(0)
                }
            }
            source.resume()
            return source
        }
    }
}
