/// Everything the Map phase knows about one municipality: the aggregate that is imported, exported,
/// validated and analysed as a whole.
public struct TenantMap: Hashable, Sendable, Codable {
    public var tenant: Tenant
    public var units: [OrgUnit]
    public var positions: [Position]
    public var roles: [Role]
    public var duties: [Duty]
    public var services: [Service]
    public var informationObjects: [InformationObject]
    public var externalParties: [ExternalParty]
    public var flows: [InformationFlow]
    public var entryPoints: [EntryPoint]
    public var responsibilities: [Responsibility]
    public var awareness: [UnitAwareness]
    public var findings: [WorkshopFinding]
    /// Applications, documents, legal bases, skills and the tenant's own building blocks (Enrich).
    public var catalogue: EnrichCatalogue
    /// Assumptions and thresholds for process figures and problem rules.
    public var settings: ProcessSettings

    public init(
        tenant: Tenant, units: [OrgUnit] = [], positions: [Position] = [], roles: [Role] = [], duties: [Duty] = [],
        services: [Service] = [], informationObjects: [InformationObject] = [], externalParties: [ExternalParty] = [],
        flows: [InformationFlow] = [], entryPoints: [EntryPoint] = [], responsibilities: [Responsibility] = [],
        awareness: [UnitAwareness] = [], findings: [WorkshopFinding] = [], catalogue: EnrichCatalogue = .init(),
        settings: ProcessSettings = .standard
    ) {
        self.tenant = tenant
        self.units = units
        self.positions = positions
        self.roles = roles
        self.duties = duties
        self.services = services
        self.informationObjects = informationObjects
        self.externalParties = externalParties
        self.flows = flows
        self.entryPoints = entryPoints
        self.responsibilities = responsibilities
        self.awareness = awareness
        self.findings = findings
        self.catalogue = catalogue
        self.settings = settings
    }

    /// JSON speaks the user's words: tasks, not duties.
    enum CodingKeys: String, CodingKey {
        case tenant, units, positions, roles, duties = "tasks", services, informationObjects, externalParties, flows,
            entryPoints, responsibilities, awareness, findings, catalogue, settings
    }

    /// The same map with every collection in a canonical order, so that exports are stable and comparable.
    public func sorted() -> TenantMap {
        var map = self
        map.units.sort { $0.id < $1.id }
        map.positions.sort { $0.id < $1.id }
        map.roles = roles.map { role in
            var role = role
            role.positionIDs.sort()
            return role
        }.sorted { $0.id < $1.id }
        map.duties.sort { $0.id < $1.id }
        map.services.sort { $0.id < $1.id }
        map.informationObjects.sort { $0.id < $1.id }
        map.externalParties.sort { $0.id < $1.id }
        map.flows.sort { $0.id < $1.id }
        map.entryPoints.sort { $0.id < $1.id }
        map.responsibilities.sort()
        map.awareness.sort()
        map.findings.sort { $0.id < $1.id }
        map.catalogue = catalogue.sorted()
        return map
    }

    /// The units ordered so that every parent comes before its children (roots first).
    /// Units caught in a cycle or under a missing parent come last, in id order.
    public func unitsParentsFirst() -> [OrgUnit] {
        let known = Set(units.map(\.id))
        var childrenOf: [ID<OrgUnit>: [OrgUnit]] = [:]
        var queue: [OrgUnit] = []
        for unit in units {
            if let parent = unit.parentID, known.contains(parent) {
                childrenOf[parent, default: []].append(unit)
            } else {
                queue.append(unit)
            }
        }
        var ordered: [OrgUnit] = []
        ordered.reserveCapacity(units.count)
        var index = 0
        queue.sort { $0.id < $1.id }
        while index < queue.count {
            let unit = queue[index]
            index += 1
            ordered.append(unit)
            queue.append(contentsOf: (childrenOf[unit.id] ?? []).sorted { $0.id < $1.id })
        }
        if ordered.count < units.count {
            let placed = Set(ordered.map(\.id))
            ordered.append(contentsOf: units.filter { !placed.contains($0.id) }.sorted { $0.id < $1.id })
        }
        return ordered
    }
}

extension TenantMap {
    /// Reads documents written before catalogues and settings existed: they default to empty and standard.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tenant: try container.decode(Tenant.self, forKey: .tenant),
            units: try container.decode([OrgUnit].self, forKey: .units),
            positions: try container.decode([Position].self, forKey: .positions),
            roles: try container.decode([Role].self, forKey: .roles),
            duties: try container.decode([Duty].self, forKey: .duties),
            services: try container.decode([Service].self, forKey: .services),
            informationObjects: try container.decode([InformationObject].self, forKey: .informationObjects),
            externalParties: try container.decode([ExternalParty].self, forKey: .externalParties),
            flows: try container.decode([InformationFlow].self, forKey: .flows),
            entryPoints: try container.decode([EntryPoint].self, forKey: .entryPoints),
            responsibilities: try container.decode([Responsibility].self, forKey: .responsibilities),
            awareness: try container.decode([UnitAwareness].self, forKey: .awareness),
            findings: try container.decode([WorkshopFinding].self, forKey: .findings),
            catalogue: try container.decodeIfPresent(EnrichCatalogue.self, forKey: .catalogue) ?? .init(),
            settings: try container.decodeIfPresent(ProcessSettings.self, forKey: .settings) ?? .standard)
    }
}
