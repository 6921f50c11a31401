/// A tenant's catalogues for the Enrich phase: what steps can refer to beyond the organisation.
public struct EnrichCatalogue: Hashable, Sendable, Codable {
    public var applications: [Application]
    public var documents: [Document]
    public var legalBases: [LegalBasis]
    public var skills: [Skill]
    public var skillHoldings: [SkillHolding]
    /// Building blocks the tenant added to the standard catalogue.
    public var buildingBlocks: [BuildingBlock]

    public init(
        applications: [Application] = [], documents: [Document] = [], legalBases: [LegalBasis] = [],
        skills: [Skill] = [], skillHoldings: [SkillHolding] = [], buildingBlocks: [BuildingBlock] = []
    ) {
        self.applications = applications
        self.documents = documents
        self.legalBases = legalBases
        self.skills = skills
        self.skillHoldings = skillHoldings
        self.buildingBlocks = buildingBlocks
    }

    public var isEmpty: Bool { self == EnrichCatalogue() }

    /// The same catalogue in canonical order.
    public func sorted() -> EnrichCatalogue {
        var catalogue = self
        catalogue.applications = applications.map { application in
            var application = application
            application.unitIDs.sort()
            return application
        }.sorted { $0.id < $1.id }
        catalogue.documents.sort { $0.id < $1.id }
        catalogue.legalBases.sort { $0.id < $1.id }
        catalogue.skills.sort { $0.id < $1.id }
        catalogue.skillHoldings.sort()
        catalogue.buildingBlocks.sort { $0.key < $1.key }
        return catalogue
    }

    /// The standard building blocks followed by the tenant's own.
    public var allBuildingBlocks: [BuildingBlock] {
        let own = Set(buildingBlocks.map(\.key))
        return BuildingBlock.standard.filter { !own.contains($0.key) } + buildingBlocks
    }
}
