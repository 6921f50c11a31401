import AmtswegXML

/// Compares two BPMN models element by element: kinds, ids, names and every other attribute, references,
/// text, vendor attributes and extension content (namespace prefixes and layout white space aside), and
/// diagram bounds and waypoints within half a pixel.
///
/// Elements with ids are matched by id wherever they stand; elements without ids (bounds, waypoints,
/// labels, expressions, documentation) by their order among siblings of the same kind.
public enum BPMNDiff {
    /// Largest difference of a coordinate or size still counted as equal, in diagram units (pixels).
    public static let tolerance = 0.5

    public static func compare(_ a: BPMNModel, _ b: BPMNModel) -> [BPMNDifference] {
        var differences: [BPMNDifference] = []
        compare(a.definitions, b.definitions, path: label(a.definitions), into: &differences)
        return differences
    }

    private static func label(_ element: BPMNElement) -> String {
        element.id.map { "\(element.localName) '\($0)'" } ?? String(element.localName)
    }

    private static func compare(
        _ a: BPMNElement, _ b: BPMNElement, path: String, into differences: inout [BPMNDifference]
    ) {
        func differ(_ message: String) { differences.append(BPMNDifference(path: path, message: message)) }
        if a.kind != b.kind {
            differ("Art \(a.localName) ≠ \(b.localName)")
            return
        }
        for key in Set(a.attributes.keys).union(b.attributes.keys).sorted() {
            let left = a.attributes[key], right = b.attributes[key]
            if !sameValue(left, right, attribute: key, kind: a.kind) {
                differ("Attribut \(key): \(quoted(left)) ≠ \(quoted(right))")
            }
        }
        let leftText = a.text?.trimmingWhitespace() ?? "", rightText = b.text?.trimmingWhitespace() ?? ""
        if leftText != rightText { differ("Text \(quoted(leftText)) ≠ \(quoted(rightText))") }
        let leftForeign = Set(a.foreignAttributes.map(canonical)),
            rightForeign = Set(b.foreignAttributes.map(canonical))
        for missing in leftForeign.subtracting(rightForeign).sorted() {
            differ("Fremdattribut fehlt rechts: \(missing)")
        }
        for extra in rightForeign.subtracting(leftForeign).sorted() { differ("Fremdattribut fehlt links: \(extra)") }
        let leftContent = a.foreignContent.compactMap(canonical), rightContent = b.foreignContent.compactMap(canonical)
        if leftContent != rightContent {
            differ("Erweiterungsinhalt unterscheidet sich (\(leftContent.count) ≠ \(rightContent.count) Knoten)")
        }
        compareChildren(a.children, b.children, path: path, into: &differences)
    }

    private static func compareChildren(
        _ a: [BPMNElement], _ b: [BPMNElement], path: String, into differences: inout [BPMNDifference]
    ) {
        // Matched by kind and id: some tools give two elements one id (a process and a global task, say). An id
        // repeated among siblings of one kind (a Visio export repeats shape ids) pairs the first with the first,
        // the second with the second, and so on.
        func keyed(_ elements: [BPMNElement]) -> [(key: String, element: BPMNElement, label: String)] {
            var seen: [String: Int] = [:]
            return elements.compactMap { element in
                guard let id = element.id else { return nil }
                let base = "\(element.kind)#\(id)"
                let occurrence = seen[base, default: 0] + 1
                seen[base] = occurrence
                let suffix = occurrence > 1 ? " (\(occurrence). mit dieser Kennung)" : ""
                return ("\(base)#\(occurrence)", element, label(element) + suffix)
            }
        }
        let leftKeyed = keyed(a), rightKeyed = keyed(b)
        let rightByKey = Dictionary(rightKeyed.map { ($0.key, $0.element) }, uniquingKeysWith: { first, _ in first })
        let leftKeys = Set(leftKeyed.map(\.key))
        for left in leftKeyed {
            if let right = rightByKey[left.key] {
                compare(left.element, right, path: path + " › " + left.label, into: &differences)
            } else {
                differences.append(BPMNDifference(path: path, message: "\(left.label) fehlt rechts"))
            }
        }
        for right in rightKeyed where !leftKeys.contains(right.key) {
            differences.append(BPMNDifference(path: path, message: "\(right.label) fehlt links"))
        }
        // Without ids: pair by order within each kind.
        let leftAnonymous = Dictionary(grouping: a.filter { $0.id == nil }, by: \.kind)
        let rightAnonymous = Dictionary(grouping: b.filter { $0.id == nil }, by: \.kind)
        for kind in Set(leftAnonymous.keys).union(rightAnonymous.keys).sorted() {
            let left = leftAnonymous[kind] ?? [], right = rightAnonymous[kind] ?? []
            if left.count != right.count {
                let name = kind[kind.index(after: kind.firstIndex(of: ":")!)...]
                differences.append(
                    BPMNDifference(path: path, message: "\(left.count) ≠ \(right.count) Elemente \(name)"))
            }
            for (index, pair) in zip(left, right).enumerated() {
                let suffix = left.count > 1 ? "[\(index + 1)]" : ""
                compare(pair.0, pair.1, path: path + " › " + label(pair.0) + suffix, into: &differences)
            }
        }
    }

    private static let coordinates: Set<String> = ["x", "y", "width", "height"]

    private static func sameValue(_ a: String?, _ b: String?, attribute: String, kind: String) -> Bool {
        if a == b { return true }
        guard let a, let b else { return false }
        if coordinates.contains(attribute), kind == "dc:Bounds" || kind == "dc:Point",
            let x = Double(a.trimmingWhitespace()), let y = Double(b.trimmingWhitespace())
        {
            return abs(x - y) <= tolerance
        }
        return a.trimmingWhitespace() == b.trimmingWhitespace()
    }

    private static func quoted(_ value: String?) -> String { value.map { "'\($0)'" } ?? "—" }

    private static func canonical(_ attribute: XMLAttribute) -> String {
        "{\(attribute.name.namespace ?? attribute.name.prefix ?? "")}\(attribute.name.localName)=\(attribute.value)"
    }

    /// A node as a string that ignores prefixes, attribute order and white space between elements.
    private static func canonical(_ node: XMLNode) -> String? {
        switch node {
        case .element(let element):
            let attributes = element.attributes.map(canonical).sorted().joined(separator: " ")
            let children = element.children.compactMap(canonical).joined()
            return
                "<{\(element.name.namespace ?? element.name.prefix ?? "")}\(element.name.localName) \(attributes)>\(children)</>"
        case .text(let text), .cdata(let text):
            let trimmed = text.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        case .comment: return nil
        case .processingInstruction(let target, let data): return "<?\(target) \(data)?>"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
