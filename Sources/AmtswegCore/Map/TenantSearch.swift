import Foundation

/// Finds every object of a tenant whose name contains the query, ignoring case and diacritics
/// ("gruenflaeche" does not match "Grünfläche", but "grunflache" and "Grünfläche" do).
public struct TenantSearch: Sendable {
    public struct Hit: Hashable, Sendable, Codable {
        public var kind: EntityKind
        public var id: String
        public var name: String
        /// Where the object sits ("Ordnungsamt", the process of a step).
        public var context: String?
        /// For a step: its process.
        public var processID: String?
    }

    public static func search(_ query: String, map: TenantMap, processes: [ProcessModel], limit: Int = 200) -> [Hit] {
        let needle = fold(query.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !needle.isEmpty else { return [] }
        let index = MapIndex(map)
        var hits: [Hit] = []
        func consider(_ kind: EntityKind, _ id: String, _ name: String, context: String? = nil, process: String? = nil)
        {
            guard hits.count < limit, fold(name).contains(needle) || fold(id) == needle else { return }
            hits.append(Hit(kind: kind, id: id, name: name, context: context, processID: process))
        }
        for unit in map.units { consider(.unit, unit.id.rawValue, unit.name, context: unit.kind.label) }
        for position in map.positions {
            consider(.position, position.id.rawValue, position.title, context: index.unitName(position.unitID))
        }
        for role in map.roles { consider(.role, role.id.rawValue, role.name) }
        for duty in map.duties { consider(.task, duty.id.rawValue, duty.name, context: index.unitName(duty.unitID)) }
        for service in map.services {
            consider(.service, service.id.rawValue, service.name, context: "LeiKa \(service.leikaKey)")
        }
        for object in map.informationObjects { consider(.informationObject, object.id.rawValue, object.name) }
        for party in map.externalParties { consider(.externalParty, party.id.rawValue, party.name) }
        for application in map.catalogue.applications {
            consider(.application, application.id.rawValue, application.name, context: application.vendor)
        }
        for document in map.catalogue.documents { consider(.document, document.id.rawValue, document.name) }
        for basis in map.catalogue.legalBases { consider(.legalBasis, basis.id.rawValue, basis.citation) }
        for skill in map.catalogue.skills { consider(.skill, skill.id.rawValue, skill.name) }
        for process in processes {
            consider(.process, process.id.rawValue, process.name, context: process.state.label)
            for step in process.steps {
                consider(.step, step.id, step.name, context: process.name, process: process.id.rawValue)
            }
        }
        return hits
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
