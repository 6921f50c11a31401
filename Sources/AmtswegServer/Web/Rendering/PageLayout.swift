import AmtswegCore

/// The frame of every page: title, language, navigation along the four phases, search, the form token.
/// Templates read it as `{{#layout}}`; the page's own view is `{{#content}}`.
struct PageLayout: Sendable {
    struct NavItem: Sendable {
        var label: String
        var href: String
        var isCurrent: Bool
        /// The phase's German verb under its name ("Erfassen"), empty for others.
        var hint: String
    }

    var title: String
    var lang: String
    var csrfToken: String
    var tenantName: String
    /// Which state of the processes the page's figures and analyses use (``ModelView/basis``); empty where
    /// the page shows none.
    var basis = ""
    var navigation: [NavItem]
    var searchQuery: String
    /// A message after a completed action ("Gespeichert.").
    var notice: String?
    var otherLanguage: String
    var otherLanguageLabel: String
    var text: LayoutText
    /// The signed-in person's links, or the sign-in link for anonymous visitors.
    var person: PersonBar?
    /// What the person's role allows everywhere, so that templates show only the controls that will work.
    var may: Abilities
    var signInHref: String?
}

/// What a role allows regardless of the object. Permissions that Mitwirkende hold only for their own unit are
/// not among them: pages decide those per object with ``Access/may(_:forUnits:in:)``.
struct Abilities: Sendable {
    /// Changing the map anywhere: new flows, workshop answers.
    var editMap: Bool
    /// Importing processes and uploading event logs.
    var manageProcesses: Bool
    /// Planning the roadmap: goals, initiatives, measurements.
    var planRoadmap: Bool
    /// Seeing drafts and the version history (of processes and the organisation).
    var readDrafts: Bool

    init(_ access: Access?) {
        func holds(_ permission: Permission) -> Bool {
            guard let access, access.mayWrite, access.role.grants(permission) else { return false }
            return !AccessPolicy.isLimitedToOwnUnit(access.role, for: permission)
        }
        editMap = holds(.editMap)
        manageProcesses = holds(.manageProcesses)
        planRoadmap = holds(.planRoadmap)
        readDrafts = access?.role.grants(.readDrafts) == true
    }
}

/// Who is signed in, and the links their role opens: the own account, administration, the audit log.
struct PersonBar: Sendable {
    var name: String
    var role: String
    var accountLabel: String
    var adminLabel: String?
    var auditLabel: String?
    var privacyLabel: String?
    var logoutLabel: String?
    var localNotice: String?

    init(_ access: Access, language: Language) {
        let german = language == .german
        name = access.account.displayName
        role = access.role.label
        accountLabel = german ? "Mein Konto" : "My account"
        adminLabel = access.role.grants(.administer) ? (german ? "Konten" : "Accounts") : nil
        auditLabel = access.role.grants(.readAudit) ? (german ? "Protokoll" : "Audit log") : nil
        privacyLabel = access.role.grants(.readAudit) ? (german ? "Datenschutz" : "Data protection") : nil
        if case .session = access.means { logoutLabel = german ? "Abmelden" : "Sign out" }
        if access.means == .local {
            localNotice = german ? "Lokaler Betrieb ohne Anmeldung" : "Local mode without sign-in"
        }
    }
}

/// Where in the navigation a page belongs.
enum Section: String, Sendable, CaseIterable {
    case start, map, processes, monitor, optimize, roadmap, search, none

    func label(_ language: Language) -> String {
        switch (self, language) {
        case (.start, .german): "Start"
        case (.start, .english): "Start"
        case (.map, .german): "Erfassen"
        case (.map, .english): "Map"
        case (.processes, .german): "Prozesse"
        case (.processes, .english): "Processes"
        case (.monitor, .german): "Messen"
        case (.monitor, .english): "Monitor"
        case (.optimize, .german): "Verbessern"
        case (.optimize, .english): "Optimize"
        case (.roadmap, .german): "Fahrplan"
        case (.roadmap, .english): "Roadmap"
        case (.search, .german): "Suche"
        case (.search, .english): "Search"
        case (.none, _): ""
        }
    }

    var href: String {
        switch self {
        case .start: Paths.start
        case .map: Paths.map
        case .processes: Paths.processes
        case .monitor: Paths.monitor
        case .optimize: Paths.optimize
        case .roadmap: Paths.roadmap
        case .search: Paths.search
        case .none: Paths.start
        }
    }

    func hint(_ language: Language) -> String {
        switch (self, language) {
        case (.map, .german): "Organisation, Flüsse, Ist-Analyse"
        case (.map, .english): "Organisation, flows, analysis"
        case (.processes, .german): "Anreichern und modellieren"
        case (.processes, .english): "Enrich and model"
        case (.monitor, .german): "Kennzahlen und Ereignisprotokolle"
        case (.monitor, .english): "Key figures and event logs"
        case (.optimize, .german): "Schwachstellen, Ist und Soll"
        case (.optimize, .english): "Problem spots, as-is and to-be"
        case (.roadmap, .german): "Zielbild und Maßnahmen"
        case (.roadmap, .english): "Vision and initiatives"
        default: ""
        }
    }

    static let navigation: [Section] = [.start, .map, .processes, .monitor, .optimize, .roadmap]
}

/// The words of the frame in the visitor's language.
struct LayoutText: Sendable {
    var skipLink: String
    var mainNavigation: String
    var searchLabel: String
    var searchButton: String
    var footer: String

    init(_ language: Language) {
        switch language {
        case .german:
            skipLink = "Zum Inhalt springen"
            mainNavigation = "Hauptnavigation"
            searchLabel = "Suche in allen Objekten"
            searchButton = "Suchen"
            footer = "Amtsweg – quelloffene Prozessplattform für Kommunen."
        case .english:
            skipLink = "Skip to content"
            mainNavigation = "Main navigation"
            searchLabel = "Search all objects"
            searchButton = "Search"
            footer = "Amtsweg – open-source process platform for municipalities."
        }
    }
}
