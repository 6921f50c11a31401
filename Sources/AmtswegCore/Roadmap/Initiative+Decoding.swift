extension Initiative {
    enum CodingKeys: String, CodingKey {
        case id, title, description, fieldID, goalIDs, problemSpotKeys, processIDs, processPair, serviceIDs,
            ownerUnitID, efforts, cost, risk, durationQuarters, earliestStart, fixedStart, deadline, dependencies,
            status, rejectionReason, notes, sourceFindingID
    }

    /// Reads an initiative where only `id` and `title` are required; everything else takes the same default as
    /// a new initiative on the page, so API clients send what they know.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID<Initiative>.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            fieldID: try c.decodeIfPresent(ID<FieldOfAction>.self, forKey: .fieldID),
            goalIDs: try c.decodeIfPresent([ID<Goal>].self, forKey: .goalIDs) ?? [],
            problemSpotKeys: try c.decodeIfPresent([String].self, forKey: .problemSpotKeys) ?? [],
            processIDs: try c.decodeIfPresent([ID<ProcessModel>].self, forKey: .processIDs) ?? [],
            processPair: try c.decodeIfPresent(ProcessPair.self, forKey: .processPair),
            serviceIDs: try c.decodeIfPresent([ID<Service>].self, forKey: .serviceIDs) ?? [],
            ownerUnitID: try c.decodeIfPresent(ID<OrgUnit>.self, forKey: .ownerUnitID),
            efforts: try c.decodeIfPresent([Effort].self, forKey: .efforts) ?? [],
            cost: try c.decodeIfPresent(Double.self, forKey: .cost) ?? 0,
            risk: try c.decodeIfPresent(Int.self, forKey: .risk) ?? 2,
            durationQuarters: try c.decodeIfPresent(Int.self, forKey: .durationQuarters) ?? 1,
            earliestStart: try c.decodeIfPresent(Quarter.self, forKey: .earliestStart),
            fixedStart: try c.decodeIfPresent(Quarter.self, forKey: .fixedStart),
            deadline: try c.decodeIfPresent(Day.self, forKey: .deadline),
            dependencies: try c.decodeIfPresent([ID<Initiative>].self, forKey: .dependencies) ?? [],
            status: try c.decodeIfPresent(InitiativeStatus.self, forKey: .status) ?? .idea,
            rejectionReason: try c.decodeIfPresent(String.self, forKey: .rejectionReason) ?? "",
            notes: try c.decodeIfPresent([ProgressNote].self, forKey: .notes) ?? [],
            sourceFindingID: try c.decodeIfPresent(ID<WorkshopFinding>.self, forKey: .sourceFindingID))
    }
}
