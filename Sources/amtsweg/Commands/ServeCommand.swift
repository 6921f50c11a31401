import AmtswegServer
import ArgumentParser
import Foundation
import Hummingbird

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Startet die Weboberfläche und die JSON-API (Standard: http://localhost:8080).",
        discussion: """
            Ohne --db liegt die Datenbank in $AMTSWEG_HOME/amtsweg.sqlite (Standard: ~/.amtsweg). \
            Mit --demo wird die Demo-Kommune Musterstadt geladen, wenn die Datenbank noch leer ist.
            """)

    @Option(name: .long, help: "SQLite-Datenbankdatei (wird bei Bedarf angelegt).") var db: String?
    @Option(name: .long, help: "Port.") var port = 8080
    @Option(name: .long, help: "Adresse, auf der der Server lauscht.") var hostname = "127.0.0.1"
    @Flag(name: .long, help: "Die Demo-Kommune Musterstadt laden, wenn die Datenbank leer ist.") var demo = false
    @Option(name: .long, help: "Größte erlaubte Upload-Datei in MB.") var maxUploadMB = 100

    func run() async throws {
        try await reportingErrors {
            let path = try db ?? Self.defaultDatabase()
            let pseudonymizer = try PseudonymKey.load()
            let app = try await buildApplication(
                ServerConfiguration(
                    hostname: hostname, port: port, databasePath: path, loadDemo: demo,
                    maxUploadBytes: maxUploadMB << 20, pseudonymizer: pseudonymizer))
            print(
                "Amtsweg läuft auf http://\(hostname == "0.0.0.0" ? "localhost" : hostname):\(port) – Datenbank \(path)"
            )
            try await app.runService()
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
