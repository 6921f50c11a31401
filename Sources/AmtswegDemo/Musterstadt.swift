public import AmtswegCore

/// The demo municipality "Musterstadt", a town of about 50,000 in the classic KGSt structure.
///
/// Its data is invented but realistic, and it is built so that the Ist-Analyse finds something:
/// the central post office (Zentrale Dienste) is a hub every request passes, the building permit crosses
/// seven units, several tasks lack a clear Accountable, some hand-overs name no position, and the
/// Stabsstelle Digitalisierung and the Rechnungsprüfungsamt are barely known in the house.
/// The LeiKa keys are real (from the OZG catalogue).
public enum Musterstadt {
    public static let tenantID: ID<Tenant> = "musterstadt"

    public static func map() -> TenantMap {
        let positions = positions()
        return TenantMap(
            tenant: Tenant(id: tenantID, name: "Stadt Musterstadt", ags: "05315999", population: 51_240),
            units: units(),
            positions: positions,
            roles: roles(positions),
            duties: duties(),
            services: services().map { service in
                var service = service
                service.casesPerYear = casesPerYear[service.id.rawValue]
                return service
            },
            informationObjects: informationObjects(),
            externalParties: externalParties(),
            flows: flows(),
            entryPoints: entryPoints(),
            responsibilities: responsibilities(positions),
            awareness: awareness(),
            findings: findings(),
            catalogue: catalogue()
        ).sorted()
    }
}
