/// Everything the application stores, as the server sees it: the repository protocols together. The SQLite
/// engine implements it today through ``SQLMapRepository``; a PostgreSQL engine plugs in behind the same
/// protocols.
public typealias Store = MapRepository & ProcessRepository & EventLogRepository & AccountRepository
    & RoadmapRepository & CommentRepository & ProcessVersionRepository & ProposalRepository
    & WorkshopRepository & MapVersionRepository & OZGRepository & FIMRepository & StoreChangeFeed
    & StoreReadinessChecking & StoreConnectionReporting
