import AmtswegCore
import BPMN
import Foundation
import Hummingbird
import ProcessBPMN

extension TenantSnapshot {
    /// A stored process and its model, for pages and the API alike: 404 when there is none, 422 when its stored
    /// BPMN cannot be read.
    func readableProcess(_ id: String) throws -> (ProcessRecord, ProcessModel) {
        guard let record = record(id) else {
            throw HTTPError(.notFound, message: "Einen Prozess „\(id)“ gibt es nicht.")
        }
        guard let process = process(id) else {
            throw HTTPError(
                .unprocessableContent, message: "Das gespeicherte BPMN des Prozesses „\(record.name)“ ist nicht lesbar."
            )
        }
        return (record, process)
    }

    /// An uploaded model as a new process of the tenant. An upload never silently replaces another process:
    /// an id already taken gets a number.
    func importedRecord(_ model: BPMNModel, fileName: String, service: Service?) -> ProcessRecord {
        let fallback = ID<ProcessModel>(Self.identifier(from: (fileName as NSString).deletingPathExtension))
        var imported = BPMNImport(model: model, fallbackID: fallback, map: map, service: service)
        let taken = Set(records.map(\.id))
        if taken.contains(imported.record.id) {
            var number = 2
            while taken.contains(ID("\(imported.record.id.rawValue)-\(number)")) { number += 1 }
            imported = BPMNImport(
                model: model, fallbackID: fallback, map: map, id: ID("\(imported.record.id.rawValue)-\(number)"),
                service: service)
        }
        return imported.record
    }

    /// A process id from a file name: letters, digits, '-', '_' and '.', at most 60 characters.
    static func identifier(from name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        }
        let id = String(kept.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return id.isEmpty ? "prozess" : id
    }
}
