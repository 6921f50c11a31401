import AmtswegCore
import AmtswegServer
import AmtswegStore
import ArgumentParser
import Foundation

/// `amtsweg handbook`: the process handbook of the whole tenant, a unit or one process, as PDF or HTML.
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Schreibt das Prozesshandbuch (ganze Verwaltung, eine Einheit oder ein Prozess) als PDF oder HTML.",
        discussion: """
            Je Prozess: Diagramm, Schritte mit Ausführenden, RACI-Matrix, Fachverfahren, Dokumente und \
            Rechtsgrundlagen, Kennzahlen, Schwachstellen, Maßnahmen des Fahrplans, Reifegrad der Leistung, \
            Freigabe und FIM-Referenzprozess; vorn ein Inhaltsverzeichnis. Die Endung von -o wählt das Format.
            """)

    @Option(help: "Nur die Prozesse dieser Organisationseinheit und der Einheiten darunter (Kennung).")
    var unit: String?
    @Option(help: "Nur dieser Prozess (Kennung).") var process: String?
    @Option(name: .shortAndLong, help: "Zieldatei, .pdf oder .html.") var output: String
    @Option(help: "Chromium für die PDF-Ausgabe.") var chromium = "chromium"
    @Option(help: "Sprache: de oder en.") var language: PrintLanguage = .de
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if unit != nil, process != nil { throw ValidationError("Entweder --unit oder --process, nicht beide.") }
        guard ["pdf", "html"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) else {
            throw ValidationError("Die Zieldatei muss auf .pdf oder .html enden: \(output)")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let repository = try await store.repository()
            let tenant = try await store.tenantID(in: repository)
            let scope: ProcessHandbook.Scope = unit.map { .unit($0) } ?? process.map { .process($0) } ?? .tenant
            let resources = ServerConfiguration.bundled
            let (html, count) = try await ProcessHandbook.printHTML(
                workspace: Workspace(repository: repository), tenant: tenant, scope: scope, today: Day(Date()),
                stylesheet: resources.appendingPathComponent("static/amtsweg.css").absoluteString,
                resources: resources, language: language.language)
            let target = URL(fileURLWithPath: output)
            let format = target.pathExtension.lowercased()
            if format == "html" {
                try Data(html.utf8).write(to: target)
            } else {
                try ChromiumPDF.print(html, to: target, chromium: chromium)
            }
            try await repository.audit(
                ChangeRecord(
                    tenantID: tenant, at: Date(), author: .local, action: "exportHandbook",
                    summary:
                        "Prozesshandbuch (\(count) Prozesse) als \(format.uppercased()) ausgegeben (Kommandozeile)",
                    object: unit.map { "unit:\($0)" } ?? process.map { "process:\($0)" } ?? "handbook"))
            print("Prozesshandbuch mit \(count == 1 ? "einem Prozess" : "\(count) Prozessen") geschrieben: \(output)")
        }
    }
}
