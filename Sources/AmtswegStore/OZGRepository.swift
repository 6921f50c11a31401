public import AmtswegCore

/// The storage of a tenant's OZG data: the imported catalogue, the maturity models and the history of maturity
/// assessments. Every write leaves one change-log entry.
public protocol OZGRepository: Sendable {
    /// The catalogue the tenant imported; `nil` before the first import.
    func ozgCatalogue(of tenant: ID<Tenant>) async throws -> OZGCatalogue?

    /// Replaces the tenant's catalogue and returns what changed; an import identical to the stored catalogue
    /// writes nothing (and logs that nothing changed). A catalogue that breaks its structure is refused.
    @discardableResult
    func importOZGCatalogue(_ catalogue: OZGCatalogue, into tenant: ID<Tenant>, by author: Author) async throws
        -> OZGCatalogue.Changes

    /// The tenant's maturity models, by version.
    func maturityModels(of tenant: ID<Tenant>) async throws -> [MaturityModel]

    /// Adds a model version or replaces it; replacing is refused while assessments use a criterion or level the
    /// new form drops.
    func saveMaturityModel(_ model: MaturityModel, of tenant: ID<Tenant>, by author: Author) async throws

    /// All assessments of the tenant, oldest first.
    func maturityAssessments(of tenant: ID<Tenant>) async throws -> [MaturityAssessment]

    /// Records an assessment of a service: checked against the service (it must exist) and its model version.
    func recordMaturityAssessment(_ assessment: MaturityAssessment, of tenant: ID<Tenant>, by author: Author)
        async throws
}
