import AmtswegCore
import AmtswegServer
import AmtswegStore
import ArgumentParser
import Foundation

/// Personal access tokens for API clients.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Zugangsschlüssel für die JSON-API erstellen.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erstellt einen Zugangsschlüssel; er steht einmalig in der letzten Zeile der Ausgabe.")
        @Option(help: "Anmeldename des Kontos.") var user: String
        @Option(help: "Umfang: read (nur lesen) oder write (lesen und schreiben, soweit die Rolle erlaubt).")
        var scope = "read"
        @Option(help: "Bezeichnung, wofür der Schlüssel gedacht ist.") var label = "Kommandozeile"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingErrors {
                guard let scope = AccessToken.Scope(rawValue: scope) else {
                    throw CLIError("Den Umfang '\(scope)' gibt es nicht: read oder write.")
                }
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                guard let account = try await repository.account(named: user), !account.isDisabled else {
                    throw CLIError("Ein aktives Konto '\(user)' gibt es nicht.")
                }
                guard try await repository.memberships(of: account.id).contains(where: { $0.tenantID == tenant }) else {
                    throw CLIError("Das Konto '\(user)' gehört nicht zur Kommune '\(tenant)'.")
                }
                let secret = try await TokenIssuer(accounts: repository).issue(
                    for: account, tenant: tenant, label: label, scope: scope, by: UserCommand.author)
                print("Zugangsschlüssel für '\(user)' in '\(tenant)' (\(scope.rawValue)); er wird nur jetzt angezeigt:")
                print(secret)
            }
        }
    }
}
