import Foundation

/// Validation of the map's invariants. It returns every finding, not only the first, so that an
/// import can list all problems of a file at once.
extension TenantMap {
    public func validate() -> [MapIssue] {
        var issues: [MapIssue] = []
        validateTenant(into: &issues)
        let unitIDs = checkIDs(units, kind: .unit, name: \.name, into: &issues)
        let positionIDs = checkIDs(positions, kind: .position, name: \.title, into: &issues)
        let roleIDs = checkIDs(roles, kind: .role, name: \.name, into: &issues)
        let dutyIDs = checkIDs(duties, kind: .task, name: \.name, into: &issues)
        let serviceIDs = checkIDs(services, kind: .service, name: \.name, into: &issues)
        let objectIDs = checkIDs(informationObjects, kind: .informationObject, name: \.name, into: &issues)
        let externalIDs = checkIDs(externalParties, kind: .externalParty, name: \.name, into: &issues)
        _ = checkIDs(flows, kind: .flow, name: { _ in "-" }, into: &issues)
        _ = checkIDs(entryPoints, kind: .entryPoint, name: { _ in "-" }, into: &issues)
        _ = checkIDs(findings, kind: .finding, name: \.text, into: &issues)

        func require<T>(
            _ id: ID<T>?, in set: Set<ID<T>>, _ kind: EntityKind, field: String,
            subject: EntityKind, _ subjectID: String
        ) {
            guard let id, !set.contains(id) else { return }
            issues.append(
                MapIssue(
                    kind: subject, id: subjectID,
                    cause: .unknownReference(field: field, kind: kind, id: id.rawValue)))
        }
        func require(_ endpoint: FlowEndpoint, field: String, subject: EntityKind, _ subjectID: String) {
            switch endpoint {
            case .unit(let id): require(id, in: unitIDs, .unit, field: field, subject: subject, subjectID)
            case .position(let id): require(id, in: positionIDs, .position, field: field, subject: subject, subjectID)
            case .external(let id):
                require(id, in: externalIDs, .externalParty, field: field, subject: subject, subjectID)
            }
        }

        for unit in units {
            require(unit.parentID, in: unitIDs, .unit, field: "parent", subject: .unit, unit.id.rawValue)
            if unit.parentID == unit.id {
                issues.append(MapIssue(kind: .unit, id: unit.id.rawValue, cause: .selfReference(field: "parent")))
            }
        }
        issues += orgCycles()
        for position in positions {
            require(position.unitID, in: unitIDs, .unit, field: "unit", subject: .position, position.id.rawValue)
            if !(position.fte > 0 && position.fte <= 10) {
                issues.append(
                    MapIssue(
                        kind: .position, id: position.id.rawValue,
                        cause: .invalidNumber(field: "fte", value: "\(position.fte)")))
            }
        }
        for role in roles {
            for positionID in role.positionIDs {
                require(positionID, in: positionIDs, .position, field: "positions", subject: .role, role.id.rawValue)
            }
        }
        for duty in duties {
            require(duty.unitID, in: unitIDs, .unit, field: "unit", subject: .task, duty.id.rawValue)
            if let group = duty.taskGroup, !(1...8).contains(group) {
                issues.append(MapIssue(kind: .task, id: duty.id.rawValue, cause: .invalidTaskGroup(group)))
            }
            if let area = duty.productArea, !Self.isProductArea(area) {
                issues.append(MapIssue(kind: .task, id: duty.id.rawValue, cause: .invalidProductArea(area)))
            }
        }
        for service in services {
            require(service.unitID, in: unitIDs, .unit, field: "unit", subject: .service, service.id.rawValue)
        }
        for flow in flows {
            let id = flow.id.rawValue
            require(flow.from, field: "from", subject: .flow, id)
            require(flow.to, field: "to", subject: .flow, id)
            require(flow.objectID, in: objectIDs, .informationObject, field: "object", subject: .flow, id)
            require(flow.serviceID, in: serviceIDs, .service, field: "service", subject: .flow, id)
            if flow.from == flow.to {
                issues.append(MapIssue(kind: .flow, id: id, cause: .selfReference(field: "to")))
            }
            if flow.frequencyPerYear < 0 {
                issues.append(
                    MapIssue(
                        kind: .flow, id: id,
                        cause: .invalidNumber(field: "frequency", value: "\(flow.frequencyPerYear)")))
            }
        }
        for entry in entryPoints {
            let id = entry.id.rawValue
            require(entry.unitID, in: unitIDs, .unit, field: "unit", subject: .entryPoint, id)
            require(entry.serviceID, in: serviceIDs, .service, field: "service", subject: .entryPoint, id)
            if entry.volumePerYear < 0 {
                issues.append(
                    MapIssue(
                        kind: .entryPoint, id: id,
                        cause: .invalidNumber(field: "volume", value: "\(entry.volumePerYear)")))
            }
        }
        var seenResponsibilities = Set<Responsibility>()
        for responsibility in responsibilities {
            let id = "\(responsibility.dutyID)/\(responsibility.assignee)/\(responsibility.kind.rawValue)"
            require(responsibility.dutyID, in: dutyIDs, .task, field: "task", subject: .responsibility, id)
            switch responsibility.assignee {
            case .position(let p):
                require(p, in: positionIDs, .position, field: "assignee", subject: .responsibility, id)
            case .role(let r): require(r, in: roleIDs, .role, field: "assignee", subject: .responsibility, id)
            }
            if !seenResponsibilities.insert(responsibility).inserted {
                issues.append(MapIssue(kind: .responsibility, id: id, cause: .duplicateEntry))
            }
        }
        var seenAwareness = Set<UnitAwareness>()
        for entry in awareness {
            let id = "\(entry.unitID)/\(entry.knownUnitID)"
            require(entry.unitID, in: unitIDs, .unit, field: "unit", subject: .awareness, id)
            require(entry.knownUnitID, in: unitIDs, .unit, field: "knownUnit", subject: .awareness, id)
            if !seenAwareness.insert(entry).inserted {
                issues.append(MapIssue(kind: .awareness, id: id, cause: .duplicateEntry))
            }
        }
        for finding in findings {
            require(finding.unitID, in: unitIDs, .unit, field: "unit", subject: .finding, finding.id.rawValue)
        }
        for service in services where (service.casesPerYear ?? 0) < 0 {
            issues.append(
                MapIssue(
                    kind: .service, id: service.id.rawValue,
                    cause: .invalidNumber(field: "casesPerYear", value: "\(service.casesPerYear!)")))
        }

        // Enrich catalogues.
        _ = checkIDs(catalogue.applications, kind: .application, name: \.name, into: &issues)
        _ = checkIDs(catalogue.documents, kind: .document, name: \.name, into: &issues)
        _ = checkIDs(catalogue.legalBases, kind: .legalBasis, name: \.law, into: &issues)
        let skillIDs = checkIDs(catalogue.skills, kind: .skill, name: \.name, into: &issues)
        for application in catalogue.applications {
            for unitID in application.unitIDs {
                require(unitID, in: unitIDs, .unit, field: "units", subject: .application, application.id.rawValue)
            }
        }
        for document in catalogue.documents {
            require(
                document.informationObjectID, in: objectIDs, .informationObject, field: "informationObject",
                subject: .document, document.id.rawValue)
        }
        var seenHoldings = Set<[String]>()
        for holding in catalogue.skillHoldings {
            let id = "\(holding.positionID)/\(holding.skillID)"
            require(holding.positionID, in: positionIDs, .position, field: "position", subject: .skillHolding, id)
            require(holding.skillID, in: skillIDs, .skill, field: "skill", subject: .skillHolding, id)
            if !seenHoldings.insert([holding.positionID.rawValue, holding.skillID.rawValue]).inserted {
                issues.append(MapIssue(kind: .skillHolding, id: id, cause: .duplicateEntry))
            }
        }
        var seenBlocks = Set<BuildingBlock.Key>()
        for block in catalogue.buildingBlocks {
            if !block.key.isWellFormed {
                issues.append(MapIssue(kind: .buildingBlock, id: block.key.rawValue, cause: .malformedID))
            }
            if !seenBlocks.insert(block.key).inserted {
                issues.append(MapIssue(kind: .buildingBlock, id: block.key.rawValue, cause: .duplicateID))
            }
            if block.label.isBlank {
                issues.append(MapIssue(kind: .buildingBlock, id: block.key.rawValue, cause: .emptyName))
            }
        }
        let bounds = ProcessSettings.bounds
        let numbers: [(String, Double, ClosedRange<Double>)] = [
            ("netAnnualWorkingHours", settings.netAnnualWorkingHours, bounds.netAnnualWorkingHours),
            ("hourlyCost", settings.hourlyCost, bounds.hourlyCost),
            (
                "maxDesks", Double(settings.maxDesks),
                Double(bounds.maxDesks.lowerBound)...Double(bounds.maxDesks.upperBound)
            ),
            ("longWaitDays", settings.longWaitDays, bounds.longWaitDays),
            ("hoursPerWorkingDay", settings.hoursPerWorkingDay, bounds.hoursPerWorkingDay),
        ]
        for (field, value, range) in numbers where !(value.isFinite && range.contains(value)) {
            issues.append(
                MapIssue(kind: .tenant, id: tenant.id.rawValue, cause: .invalidNumber(field: field, value: "\(value)")))
        }
        return issues
    }

    private func validateTenant(into issues: inout [MapIssue]) {
        let id = tenant.id.rawValue
        if !tenant.id.isWellFormed { issues.append(MapIssue(kind: .tenant, id: id, cause: .malformedID)) }
        if tenant.name.isBlank {
            issues.append(MapIssue(kind: .tenant, id: id, cause: .emptyName))
        }
        if !Tenant.isValidAGS(tenant.ags) {
            issues.append(MapIssue(kind: .tenant, id: id, cause: .invalidAGS(tenant.ags)))
        }
        if tenant.population < 0 {
            issues.append(
                MapIssue(
                    kind: .tenant, id: id,
                    cause: .invalidNumber(field: "population", value: "\(tenant.population)")))
        }
    }

    /// Checks that ids are well-formed and unique and names present; returns the set of ids.
    private func checkIDs<T: MapEntity>(
        _ items: [T], kind: EntityKind, name: (T) -> String, into issues: inout [MapIssue]
    ) -> Set<ID<T>> {
        var seen = Set<ID<T>>(minimumCapacity: items.count)
        for item in items {
            if !item.id.isWellFormed { issues.append(MapIssue(kind: kind, id: item.id.rawValue, cause: .malformedID)) }
            if !seen.insert(item.id).inserted {
                issues.append(MapIssue(kind: kind, id: item.id.rawValue, cause: .duplicateID))
            }
            if name(item).isBlank {
                issues.append(MapIssue(kind: kind, id: item.id.rawValue, cause: .emptyName))
            }
        }
        return seen
    }

    /// Every cycle in the parent relation, each reported once at its smallest id.
    private func orgCycles() -> [MapIssue] {
        var parentOf: [ID<OrgUnit>: ID<OrgUnit>] = [:]
        for unit in units { parentOf[unit.id] = unit.parentID }
        var state: [ID<OrgUnit>: Bool] = [:]  // false: on the current path, true: done
        var issues: [MapIssue] = []
        for start in units.map(\.id).sorted() where state[start] == nil {
            var path: [ID<OrgUnit>] = []
            var current: ID<OrgUnit>? = start
            while let unit = current, state[unit] == nil {
                state[unit] = false
                path.append(unit)
                current = parentOf[unit] ?? nil
            }
            // A unit that is its own parent is reported as a self-reference, not again as a cycle.
            if let unit = current, state[unit] == false, let index = path.firstIndex(of: unit),
                path.count - index > 1
            {
                let cycle = Array(path[index...])
                let smallest = cycle.min()!
                issues.append(
                    MapIssue(
                        kind: .unit, id: smallest.rawValue,
                        cause: .orgCycle(path: (cycle + [cycle[0]]).map(\.rawValue))))
            }
            for unit in path { state[unit] = true }
        }
        return issues
    }

    static func isProductArea(_ text: String) -> Bool {
        guard text.count == 2, let number = Int(text) else { return false }
        return (1...17).contains(number)
    }
}

extension String {
    /// Empty or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
