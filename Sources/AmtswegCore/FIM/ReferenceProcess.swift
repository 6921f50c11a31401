public import Foundation

/// A reference (master) process of the tenant: a FIM Stammprozess imported from an XProzess message, kept with
/// the whole message so a local process derived from it can be written back as XProzess. Several versions of
/// one master may be kept; local processes name the version they were derived from.
public struct ReferenceProcess: Hashable, Sendable {
    /// The FIM process id (the LeiKa key of its process class).
    public var id: String
    /// The FIM version ("01.00.00").
    public var version: String
    public var name: String
    /// The embedded BPMN model as text.
    public var bpmn: String
    /// The XProzess message it came from, as imported.
    public var message: Data
    public var importedAt: Date
    public var importedBy: Author

    public init(
        id: String, version: String, name: String, bpmn: String, message: Data, importedAt: Date, importedBy: Author
    ) {
        self.id = id
        self.version = version
        self.name = name
        self.bpmn = bpmn
        self.message = message
        self.importedAt = importedAt
        self.importedBy = importedBy
    }

    /// "99006028261000 (Fassung 01.00.00)".
    public var label: String { "\(id) (Fassung \(version))" }

    /// Versions compare by their numeric parts: "01.10.00" after "01.02.00".
    public static func versionOrder(_ a: String, _ b: String) -> Bool {
        let left = a.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        let right = b.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        return left.lexicographicallyPrecedes(right)
    }
}
