/// Everything Amtsweg says about one process: its key figures, its RACI matrix, its problem spots, and its
/// step list where the diagram's structure allows one.
public struct ProcessReport: Hashable, Sendable, Codable {
    public var figures: ProcessFigures
    public var raci: ProcessRACIMatrix
    public var problems: [ProblemSpot]
    /// `nil` where the process is not a block-structured sequence (the diagram is then the only view).
    public var stepList: CapturedProcess?

    public init(process: ProcessModel, map: TenantMap) {
        let cases = process.serviceID.flatMap { id in map.services.first { $0.id == id }?.casesPerYear }
        figures = ProcessFigures(
            process: process, organisation: OrganisationLookup(map), settings: map.settings, casesPerYear: cases)
        raci = ProcessRACIMatrix(process: process, map: map)
        // Rules about the process only; tenant-wide ones (services, flows) belong to the tenant's report.
        problems = ProblemFinder(map: map).findAll(in: [process], tenantRules: false)
        stepList = CapturedProcess(process: process)
    }
}
