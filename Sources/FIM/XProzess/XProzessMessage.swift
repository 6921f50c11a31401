public import AmtswegXML
public import Foundation

/// An XProzess 2 message (namespace `http://www.regierung-mv.de/xprozess/2`) as Amtsweg reads it: the process
/// catalogue with its process classes and the process library with its processes — fact sheet, activity groups,
/// state and the embedded model files. The message's XML is kept whole, so that what Amtsweg does not model is
/// written back unchanged (``XProzessWriter``).
public struct XProzessMessage: Sendable {
    public static let namespace = "http://www.regierung-mv.de/xprozess/2"

    /// "0303" (alleInhalte.export), "0103", "0203".
    public var messageType: String
    /// The root element's local name: "alleInhalte.export.0303".
    public var rootName: String
    public var messageID: String
    public var createdAt: String
    public var author: String
    public var processClasses: [XProzessProcessClass]
    public var processes: [FIMProcess]
    /// The whole message as read.
    public var document: XMLDocument
}

/// A legal basis (Handlungsgrundlage) with the kind of norm and where to read it.
public struct XProzessLegalBasis: Hashable, Sendable, Codable {
    public var name: String
    public var kind: XProzessCode?
    public var uri: String?
}

/// A process class of the catalogue: id (the LeiKa key), version, name, definition, legal bases, classification.
public struct XProzessProcessClass: Hashable, Sendable, Codable {
    public struct Classification: Hashable, Sendable, Codable {
        public var framework: String
        public var classID: String
        public var className: String
    }

    public var id: String
    public var version: String
    public var name: String
    public var designation: String
    public var definition: String
    public var legalBases: [XProzessLegalBasis]
    public var classifications: [Classification]
    public var status: XProzessCode?
}

/// A participant of a process (Prozessteilnehmer) with its role code.
public struct FIMParticipant: Hashable, Sendable, Codable {
    public var name: String
    public var role: XProzessCode?
}

/// The process fact sheet (Prozesssteckbrief).
public struct FIMFactSheet: Hashable, Sendable, Codable {
    public var definition: String
    public var description: String
    /// What starts the process: texts and form ids, as written.
    public var triggers: [String]
    public var results: [String]
    public var participants: [FIMParticipant]
    public var legalBases: [XProzessLegalBasis]
    public var levelOfDetail: XProzessCode?
    /// Administrative coding (verwaltungspolitische Kodierung), e.g. the Länder it applies to.
    public var administrativeCoding: [XProzessCode]
}

/// An activity group (Aktivitätengruppe) of the FIM structure: its reference type (1–8), the BPMN sub-process it
/// stands for, legal bases, the data it receives and provides, the specialist software it uses.
public struct FIMActivityGroup: Hashable, Sendable, Codable {
    public var id: String
    /// The reference activity group type (1 Informationsbeschaffung … 8), as code.
    public var type: XProzessCode?
    public var typeVersion: String
    /// The id of the BPMN sub-process the group is drawn as.
    public var subProcessID: String
    public var name: String
    public var description: String
    public var legalBases: [XProzessLegalBasis]
    /// Data received (from whom) and provided (to whom), in words.
    public var incomingData: [String]
    public var outgoingData: [String]
    /// Fachverfahren named for the group.
    public var specialistSoftware: [String]
}

/// A file embedded in the message: the process model (BPMN), its picture or its description.
public struct FIMModelFile: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, Codable {
        case model = "prozessmodelldatei"
        case picture = "visualisierungsdatei"
        case description = "beschreibungsdatei"
    }

    public var role: Role
    public var fileName: String
    public var mimeType: XProzessCode?
    /// The decoded content (base64 undone; a ZIP archive stays one: see ``files``).
    public var content: Data
    /// The files inside, when the content is a ZIP archive; else the content as one file.
    public var files: [(name: String, data: Data)]

    public static func == (lhs: FIMModelFile, rhs: FIMModelFile) -> Bool {
        lhs.role == rhs.role && lhs.fileName == rhs.fileName && lhs.mimeType == rhs.mimeType
            && lhs.content == rhs.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(role)
        hasher.combine(fileName)
        hasher.combine(content)
    }
}

/// A process of the FIM library (a Stammprozess or a municipality's own) as the message holds it.
public struct FIMProcess: Hashable, Sendable {
    public var id: String
    public var version: String
    public var name: String
    public var designation: String
    public var factSheet: FIMFactSheet
    public var activityGroups: [FIMActivityGroup]
    public var status: XProzessCode?
    public var validFrom: String?
    public var lastChanged: String?
    public var modelFiles: [FIMModelFile]
    /// The BPMN of the process model file, when there is one.
    public var bpmn: Data?
}
