public import Foundation

/// An event log a tenant uploaded, as stored: its facts for lists, and the log itself as gzip-compressed XES
/// with the resources already pseudonymised — names of employees never reach the store unless the upload
/// asked to keep them.
public struct EventLogRecord: Hashable, Sendable, Codable {
    public var id: ID<EventLogRecord>
    public var name: String
    /// The uploaded file's name.
    public var fileName: String
    public var uploadedAt: Date
    public var uploadedBy: Author
    public var caseCount: Int
    public var eventCount: Int
    /// Whether resources were pseudonymised on import (the default).
    public var isPseudonymised: Bool
    /// The process the log is compared with, if chosen.
    public var processID: ID<ProcessModel>?
    /// The unit each resource works in, by the resource's name in the stored log (its pseudonym, unless names
    /// were kept): what the hand-over network between units needs.
    public var resourceUnits: [String: String]
    /// The log as gzip-compressed XES (IEEE 1849).
    public var xesGzip: Data
    /// What the uploader chose for each attribute that was not simply kept ("Sachbearbeiter: pseudonymisiert;
    /// Kunde: entfernt"), shown with the log and written to the audit log.
    public var privacy: String
    /// The step of the attached process each activity stands for (activity → step id), as a user confirmed or
    /// corrected it; an activity missing here stands for no step. `nil` until someone confirms: then the
    /// mapping suggested by name (``StepMatching``) is used, and the page says so.
    public var stepMapping: [String: String]?

    public init(
        id: ID<EventLogRecord>, name: String, fileName: String, uploadedAt: Date, uploadedBy: Author, caseCount: Int,
        eventCount: Int, isPseudonymised: Bool, processID: ID<ProcessModel>? = nil,
        resourceUnits: [String: String] = [:], xesGzip: Data, privacy: String = "",
        stepMapping: [String: String]? = nil
    ) {
        self.stepMapping = stepMapping
        self.privacy = privacy
        self.id = id
        self.name = name
        self.fileName = fileName
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
        self.caseCount = caseCount
        self.eventCount = eventCount
        self.isPseudonymised = isPseudonymised
        self.processID = processID
        self.resourceUnits = resourceUnits
        self.xesGzip = xesGzip
    }
}
