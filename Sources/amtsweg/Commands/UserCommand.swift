import AmtswegCore
import AmtswegReports
import AmtswegServer
import AmtswegStore
import ArgumentParser
import Foundation

/// Accounts on the command line: for the first administrator of a server, and for scripts.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Konten anlegen, auflisten, Passwort neu setzen, sperren.",
        subcommands: [Add.self, List.self, Reset.self, Disable.self])

    /// Changes made here are written as the person at the console.
    static let author = Author(id: "cli", displayName: "Kommandozeile")

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Legt ein Konto mit einer Rolle in einer Kommune an.",
            discussion: "Rollen: \(AccessRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        @Argument(help: "Anmeldename (Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich).") var name: String
        @Option(help: "Rolle in der Kommune.") var role: String
        @Option(help: "Name der Person (Standard: der Anmeldename).") var displayName: String?
        @Option(help: "Organisationseinheit (für Mitwirkende nötig).") var unit: String?
        @Flag(help: "Das Passwort von der Standardeingabe lesen statt danach zu fragen.") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingErrors {
                guard Account.isValidName(name) else {
                    throw CLIError("'\(name)' ist als Anmeldename nicht möglich: 2–64 Zeichen a–z, 0–9, '.', '-', '_'.")
                }
                guard let role = AccessRole(rawValue: role) else {
                    throw CLIError(
                        "Die Rolle '\(role)' gibt es nicht. Möglich: "
                            + AccessRole.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                if role == .contributor, unit == nil { throw CLIError("Mitwirkende brauchen --unit.") }
                if let unit, !(try await repository.loadMap(of: tenant).units.contains { $0.id.rawValue == unit }) {
                    throw CLIError("Die Organisationseinheit '\(unit)' gibt es in '\(tenant)' nicht.")
                }
                let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
                let account = Account(
                    id: ID(name), name: name, displayName: displayName ?? name, createdAt: Date())
                if let existing = try await repository.account(named: name) {
                    try await repository.setMembership(
                        Membership(accountID: existing.id, tenantID: tenant, role: role, unitID: unit.map { ID($0) }),
                        by: UserCommand.author)
                    print("Konto '\(name)' gibt es schon: Rolle in '\(tenant)' ist jetzt \(role.label).")
                    return
                }
                try await repository.createAccount(
                    account, passwordHash: try await Secrets.hash(password: password),
                    memberships: [
                        Membership(accountID: account.id, tenantID: tenant, role: role, unitID: unit.map { ID($0) })
                    ],
                    by: UserCommand.author)
                print("Konto '\(name)' angelegt: \(role.label) in '\(tenant)'.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Listet die Konten mit ihren Rollen.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let repository = try await database.repository()
                var rows: [[String]] = []
                for account in try await repository.accounts() {
                    let roles = try await repository.memberships(of: account.id).map {
                        "\($0.tenantID): \($0.role.label)" + ($0.unitID.map { " (\($0))" } ?? "")
                    }
                    rows.append([
                        account.name, account.displayName, account.isDisabled ? "gesperrt" : "aktiv",
                        roles.joined(separator: "; "),
                    ])
                }
                print(TextTable(headers: ["Anmeldename", "Name", "Status", "Rollen"], rows: rows).render())
            }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Setzt das Passwort eines Kontos neu und hebt eine Sperre nach Fehlversuchen auf.")
        @OptionGroup var existing: ExistingAccount
        @Flag(help: "Das Passwort von der Standardeingabe lesen statt danach zu fragen.") var passwordStdin = false

        func run() async throws {
            try await reportingErrors {
                let (repository, account) = try await existing.load()
                let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
                try await repository.setPasswordHash(
                    try await Secrets.hash(password: password), of: account.id, by: UserCommand.author)
                print("Passwort von '\(account.name)' neu gesetzt; offene Anmeldungen sind beendet.")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sperrt ein Konto (beendet Anmeldungen, widerruft Zugangsschlüssel) oder entsperrt es.")
        @OptionGroup var existing: ExistingAccount
        @Flag(help: "Entsperren statt sperren.") var enable = false

        func run() async throws {
            try await reportingErrors {
                let (repository, account) = try await existing.load()
                try await repository.setDisabled(!enable, of: account.id, by: UserCommand.author)
                print(enable ? "Konto '\(account.name)' entsperrt." : "Konto '\(account.name)' gesperrt.")
            }
        }
    }
}

/// The account a command changes, named by its sign-in name, and the database that holds it.
struct ExistingAccount: ParsableArguments {
    @Argument(help: "Anmeldename.") var name: String
    @OptionGroup var database: DatabaseOptions

    func load() async throws -> (SQLMapRepository, Account) {
        let repository = try await database.repository()
        guard let account = try await repository.account(named: name) else {
            throw CLIError("Ein Konto '\(name)' gibt es nicht.")
        }
        return (repository, account)
    }
}

/// A password from standard input (one line, for scripts) or typed at the terminal without echo.
enum PasswordInput {
    static func read(fromStdin: Bool, confirm: Bool) throws -> String {
        let password: String
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw CLIError("Auf der Standardeingabe kam kein Passwort an.")
            }
            password = line
        } else {
            password = try prompt("Passwort: ")
            if confirm, try prompt("Passwort wiederholen: ") != password {
                throw CLIError("Die beiden Passwörter stimmen nicht überein.")
            }
        }
        if let problem = Secrets.problem(withPassword: password) { throw CLIError(problem) }
        return password
    }

    private static func prompt(_ text: String) throws -> String {
        guard let pointer = getpass(text) else { throw CLIError("Das Passwort ließ sich nicht lesen.") }
        return String(cString: pointer)
    }
}
