import AmtswegCore

extension Musterstadt {
    /// Standing tasks per unit, with KGSt Aufgabenhauptgruppe and NKF Produktbereich. Ids are "A-<unit>-<n>".
    static func duties() -> [Duty] {
        let catalogue: [(unit: String, group: Int, area: String, tasks: [String])] = [
            ("D1", 1, "01", ["Leitung der Verwaltung", "Vorbereitung der Ratssitzungen"]),
            (
                "SD", 1, "01",
                [
                    "Digitalisierungsstrategie fortschreiben", "OZG-Umsetzung koordinieren",
                    "Digitale Projekte priorisieren",
                ]
            ),
            ("14", 1, "01", ["Prüfung des Jahresabschlusses", "Vergabeprüfung", "Prüfung der Kassenvorgänge"]),
            ("10", 1, "01", ["Organisationsentwicklung steuern", "Ratsangelegenheiten"]),
            (
                "10.1", 1, "01",
                [
                    "Organisationsuntersuchungen", "IT-Betrieb und Benutzerbetreuung",
                    "Fachverfahren beschaffen und betreuen", "Informationssicherheit",
                ]
            ),
            (
                "10.2", 1, "01",
                [
                    "Posteingang öffnen und verteilen", "Postausgang und Zustellung", "Zentrale Registratur",
                    "Beschaffung von Büromaterial",
                ]
            ),
            (
                "11", 1, "01",
                [
                    "Stellenbesetzung", "Personalaktenführung", "Entgelt- und Besoldungsabrechnung",
                    "Stellenplan führen",
                ]
            ),
            ("20", 2, "16", ["Haushaltsplanung", "Jahresabschluss", "Anlagenbuchhaltung"]),
            ("21", 2, "16", ["Zahlungsverkehr", "Mahnung und Vollstreckung", "Sollstellung von Forderungen"]),
            (
                "22", 2, "16",
                [
                    "Hundesteuer festsetzen", "Grundsteuer festsetzen", "Gewerbesteuer festsetzen",
                    "Vergnügungsteuer festsetzen",
                ]
            ),
            ("30", 3, "01", ["Rechtsberatung der Ämter", "Prozessvertretung", "Widerspruchsverfahren begleiten"]),
            ("80", 8, "15", ["Unternehmensberatung", "Gewerbeflächenvermarktung", "Standortmarketing"]),
            ("32", 3, "02", ["Ordnungsbehördliche Verfügungen", "Gefahrenabwehr"]),
            (
                "32.1", 3, "02",
                [
                    "Gewerbeanzeigen bearbeiten", "Gaststättenerlaubnisse erteilen",
                    "Marktwesen und Reisegewerbe", "Gewerbeuntersagung",
                ]
            ),
            (
                "32.2", 3, "02",
                [
                    "Verkehrsrechtliche Anordnungen", "Sondernutzungserlaubnisse erteilen",
                    "Bewohnerparkausweise ausstellen", "Ruhender Verkehr überwachen",
                ]
            ),
            (
                "33", 3, "02",
                [
                    "Melderegister führen", "Personalausweise und Reisepässe ausstellen",
                    "Meldebescheinigungen ausstellen", "Fundsachen verwalten",
                    "Führungszeugnisse beantragen", "Auskünfte aus dem Melderegister",
                ]
            ),
            (
                "34", 3, "02",
                [
                    "Geburten beurkunden", "Eheschließungen vornehmen", "Sterbefälle beurkunden",
                    "Personenstandsregister führen",
                ]
            ),
            ("37", 3, "02", ["Einsatzdienst", "Vorbeugender Brandschutz", "Brandverhütungsschau"]),
            (
                "50", 5, "05",
                [
                    "Wohngeld bewilligen", "Hilfe zum Lebensunterhalt gewähren", "Grundsicherung im Alter",
                    "Unterbringung Wohnungsloser",
                ]
            ),
            ("51", 5, "06", ["Hilfen zur Erziehung", "Kinderschutz", "Jugendarbeit"]),
            (
                "51.1", 5, "06",
                [
                    "Kita-Plätze vergeben", "Elternbeiträge festsetzen", "Kindertagespflege fördern",
                    "Kita-Bedarfsplanung",
                ]
            ),
            ("61", 6, "09", ["Bauleitplanung", "Stellungnahmen zum Planungsrecht", "Städtebauliche Verträge"]),
            (
                "63", 6, "10",
                [
                    "Baugenehmigungsverfahren", "Bauüberwachung", "Abbruchgenehmigungen",
                    "Baugebühren festsetzen", "Baulastenverzeichnis führen",
                ]
            ),
            (
                "66", 6, "12",
                ["Straßenunterhaltung", "Erschließungsplanung", "Aufbruchgenehmigungen", "Straßenbeleuchtung"]
            ),
            (
                "67", 6, "13",
                [
                    "Naturschutzrechtliche Stellungnahmen", "Baumschutzsatzung vollziehen",
                    "Grünflächenpflege", "Spielplatzkontrolle",
                ]
            ),
        ]
        return catalogue.flatMap { entry in
            entry.tasks.enumerated().map { offset, name in
                Duty(
                    id: ID("A-\(entry.unit)-\(offset + 1)"), name: name, unitID: ID(entry.unit),
                    taskGroup: entry.group, productArea: entry.area)
            }
        }
    }

    /// RACI on tasks: by default the unit's lead is Accountable and its first case worker Responsible.
    /// Planted gaps make question 6 find something.
    static func responsibilities(_ positions: [Position]) -> [Responsibility] {
        let byUnit = Dictionary(grouping: positions, by: \.unitID)
        // Sachgebiete and Abteilungen are led by their parent Amt's lead for accountability where stated.
        let noAccountable: Set<String> = ["A-SD-2", "A-10.1-3", "A-33-4", "A-80-2", "A-66-3", "A-51.1-4"]
        let twoAccountables: [String: String] = ["A-63-4": "20-1", "A-32.2-2": "66-1", "A-21-3": "22-1"]
        let noResponsible: Set<String> = ["A-10-1", "A-14-2", "A-67-4"]
        var result: [Responsibility] = []
        for duty in duties() {
            let staff = (byUnit[duty.unitID] ?? []).sorted { $0.id < $1.id }
            guard let lead = staff.first else { continue }
            let id = duty.id.rawValue
            if !noAccountable.contains(id) {
                result.append(Responsibility(dutyID: duty.id, assignee: .position(lead.id), kind: .accountable))
            }
            if let second = twoAccountables[id] {
                result.append(Responsibility(dutyID: duty.id, assignee: .position(ID(second)), kind: .accountable))
            }
            if !noResponsible.contains(id) {
                let doer = staff.count > 1 ? staff[1] : lead
                result.append(Responsibility(dutyID: duty.id, assignee: .position(doer.id), kind: .responsible))
            }
        }
        // Consulted and informed where work really crosses units.
        result += [
            Responsibility(dutyID: "A-63-1", assignee: .position("61-2"), kind: .consulted),
            Responsibility(dutyID: "A-63-1", assignee: .position("37-2"), kind: .consulted),
            Responsibility(dutyID: "A-63-1", assignee: .position("67-2"), kind: .consulted),
            Responsibility(dutyID: "A-63-1", assignee: .position("66-3"), kind: .consulted),
            Responsibility(dutyID: "A-32.1-1", assignee: .position("22-3"), kind: .informed),
            Responsibility(dutyID: "A-32.1-1", assignee: .position("80-2"), kind: .informed),
            Responsibility(dutyID: "A-SD-2", assignee: .role("leitung"), kind: .informed),
            Responsibility(dutyID: "A-10.2-1", assignee: .role("sachbearbeitung"), kind: .informed),
        ]
        return result
    }
}
