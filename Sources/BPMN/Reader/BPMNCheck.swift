/// Checks of a read model that do not stop reading: ids given twice, and references to ids that do not exist.
public enum BPMNCheck {
    /// Attributes that refer to another element by id.
    static let referenceAttributes: Set<String> = [
        "sourceRef", "targetRef", "attachedToRef", "processRef", "calledElement", "default", "bpmnElement",
        "messageRef", "signalRef", "errorRef", "escalationRef", "dataObjectRef", "dataStoreRef", "categoryValueRef",
        "operationRef", "sourceElement", "targetElement",
    ]

    /// Readable warnings, each naming the element's line.
    public static func warnings(_ model: BPMNModel) -> [String] {
        let ids = Set(model.allElements.compactMap(\.id))
        var warnings: [String] = []
        // An id must be unique in the document; a Visio export, for one, repeats shape ids. Readers then
        // resolve references to whichever element they meet first.
        var first: [String: BPMNElement] = [:]
        for element in model.allElements {
            guard let id = element.id else { continue }
            if let earlier = first[id] {
                warnings.append(
                    "Zeile \(element.line): \(element.localName) hat die Kennung '\(id)', die schon \(earlier.localName) in Zeile \(earlier.line) trägt."
                )
            } else {
                first[id] = element
            }
        }
        for element in model.allElements {
            for attribute in referenceAttributes.sorted() {
                guard let value = element.attributes[attribute] else { continue }
                // QName references may carry a prefix ("tns:Process_1").
                let target = value.split(separator: ":").last.map(String.init) ?? value
                if !ids.contains(target) && !ids.contains(value) {
                    warnings.append(
                        "Zeile \(element.line): \(element.localName) '\(element.id ?? "")' verweist mit \(attribute) auf '\(value)', das es nicht gibt."
                    )
                }
            }
        }
        return warnings
    }
}
