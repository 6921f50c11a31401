import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessMining

/// The API's response bodies, apart from domain values sent as they are (``JSONBody``).
extension APIController {
    /// One page of a list.
    struct Page<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
        var items: [Item]
        var total: Int
        var offset: Int
        var limit: Int
    }

    struct TenantSummary: ResponseEncodable, Sendable {
        var id: String
        var name: String
        var ags: String
        var population: Int
        var units: Int
        var positions: Int
        var tasks: Int
        var services: Int
        var flows: Int
        var processes: Int
    }

    struct ProcessSummary: Encodable, Sendable {
        var id: String
        var name: String
        var state: String
        var serviceID: String?
        var ownerUnitID: String?
        var istID: String?
        /// The version this answer shows: the released one for those who see only released versions, else the
        /// newest; and that version's review state.
        var version: Int?
        var release: String?
        var links: [String: String]
    }

    struct ProcessDetail: ResponseEncodable, Sendable {
        var process: ProcessSummary
        var report: ProcessReport
    }

    struct EventLogDetail: ResponseEncodable, Sendable {
        var id: String
        var name: String
        var statistics: LogStatistics
        var directlyFollows: [DirectlyFollowsGraph.Edge]
        var startActivities: [String: Int]
        var endActivities: [String: Int]
        var variants: [Variants.Variant]
    }

    struct EventLogSummary: Encodable, Sendable {
        var id: String
        var name: String
        var fileName: String
        var uploadedAt: Date
        var cases: Int
        var events: Int
        var pseudonymised: Bool
        var processID: String?
    }

}
