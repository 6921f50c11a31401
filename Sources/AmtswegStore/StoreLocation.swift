public import Foundation

/// Where the store lives: an SQLite file (the embedded default) or a PostgreSQL database (for several app
/// instances, or many municipalities on one server).
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    /// A `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// The environment variable that names a PostgreSQL database when no option does.
    public static let environmentVariable = "AMTSWEG_DATABASE_URL"

    /// The location the options and the environment name: `--postgres`, else `--db`, else
    /// `AMTSWEG_DATABASE_URL`, else `fallback` (nil when there is none).
    public static func chosen(
        db: String?, postgres: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        fallback: (() throws -> String)? = nil
    ) throws -> StoreLocation? {
        if let postgres { return .postgres(url: postgres) }
        if let db { return .sqlite(path: db) }
        if let url = environment[environmentVariable], !url.isEmpty { return .postgres(url: url) }
        return try fallback.map { .sqlite(path: try $0()) }
    }

    /// Opens the engine; a PostgreSQL pool holds at most `connections` connections. `server`: an SQLite engine
    /// keeps connections open between operations (see ``SQLiteEngine/closeAllKeptConnections()``).
    public func engine(connections: Int = 16, server: Bool = false) async throws -> any SQLEngine {
        switch self {
        case .sqlite(let path): try await SQLiteEngine(path: path, keptConnections: server ? 8 : 0)
        case .postgres(let url): try await PostgresEngine(url: url, maximumConnections: connections)
        }
    }

    /// For messages and logs: the file, or the server and database without the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "…" }
            return components.string ?? "PostgreSQL"
        }
    }

    /// How a command line names this location again (for hints printed to the user).
    public var option: String {
        switch self {
        case .sqlite(let path): "--db \(path)"
        case .postgres: "--postgres \(description)"
        }
    }
}
