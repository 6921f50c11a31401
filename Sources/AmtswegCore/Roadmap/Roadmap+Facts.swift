extension Roadmap {
    /// What each initiative's priority needs from the analyses: the yearly staff hours its Ist/Soll pair saves
    /// (from the comparison, never typed in) and the yearly cases of the services it concerns (its own services
    /// and those of its processes, each counted once).
    public func facts(map: TenantMap, processes: [ProcessModel]) -> [ID<Initiative>: InitiativeFacts] {
        let byID = Dictionary(processes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cases = Dictionary(map.services.map { ($0.id, $0.casesPerYear ?? 0) }, uniquingKeysWith: { a, _ in a })
        var facts: [ID<Initiative>: InitiativeFacts] = [:]
        for initiative in initiatives {
            var saved = 0.0
            if let pair = initiative.processPair, let ist = byID[pair.ist], let soll = byID[pair.soll] {
                saved = ProcessComparison(ist: ist, soll: soll, map: map).savedHoursPerYear ?? 0
            }
            let processIDs = initiative.processIDs + [initiative.processPair?.ist].compactMap { $0 }
            var services = Set(initiative.serviceIDs)
            for id in processIDs { if let service = byID[id]?.serviceID { services.insert(service) } }
            let volume = services.reduce(0) { $0 + (cases[$1] ?? 0) }
            facts[initiative.id] = InitiativeFacts(savedHoursPerYear: saved, casesPerYear: volume)
        }
        return facts
    }
}
