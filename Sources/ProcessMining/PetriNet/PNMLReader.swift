import AmtswegXML
public import Foundation

/// Reads Petri nets in PNML (ISO/IEC 15909-2, place/transition nets) as pm4py and ProM write them: nets on
/// one or more pages, names, initial markings, arc weights (`inscription`), silent transitions marked by ProM's
/// `toolspecific activity="$invisible$"`, and the final marking in `finalmarkings`.
public enum PNMLReader {
    public static func read(contentsOf url: URL) throws(MiningError) -> PetriNet {
        try read(try MiningError.contents(of: url), file: url.path)
    }

    public static func read(_ data: Data, file: String) throws(MiningError) -> PetriNet {
        let document: XMLDocument
        do {
            document = try XMLDocument(data: data, file: file, limits: XMLLimits(maxBytes: 256 << 20))
        } catch {
            throw MiningError(file: file, line: error.line, column: error.column, message: error.message)
        }
        func fail(_ element: XMLElement, _ message: String) -> MiningError {
            MiningError(file: file, line: element.line, column: element.column, message: message)
        }
        guard document.root.name.localName == "pnml",
            let netElement = document.root.elements.first(where: { $0.name.localName == "net" })
        else {
            throw fail(document.root, "Das ist keine PNML-Datei (erwartet <pnml><net>).")
        }
        var net = PetriNet(id: netElement.attribute("id") ?? "net")
        func text(_ element: XMLElement, _ child: String) -> String? {
            element.elements.first { $0.name.localName == child }?.elements.first { $0.name.localName == "text" }?
                .text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func tokens(_ element: XMLElement, _ value: String?) throws(MiningError) -> Int {
            guard let value else { return 1 }
            guard let number = Int(value), number >= 0 else { throw fail(element, "„\(value)“ ist keine Tokenzahl.") }
            return number
        }
        // Pages may nest; every node on any page belongs to the net.
        var elements: [XMLElement] = []
        var stack = netElement.elements
        while let element = stack.popLast() {
            if element.name.localName == "page" { stack += element.elements } else { elements.append(element) }
        }
        elements.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        var ids = Set<String>()
        for element in elements {
            switch element.name.localName {
            case "place":
                guard let id = element.attribute("id"), ids.insert(id).inserted else {
                    throw fail(element, "Stelle ohne Kennung oder mit doppelter Kennung.")
                }
                net.places.append(PetriNet.Place(id: id, name: text(element, "name") ?? id))
                if let marking = text(element, "initialMarking") {
                    let count = try tokens(element, marking)
                    if count > 0 { net.initialMarking[id] = count }
                }
            case "transition":
                guard let id = element.attribute("id"), ids.insert(id).inserted else {
                    throw fail(element, "Transition ohne Kennung oder mit doppelter Kennung.")
                }
                let invisible = element.elements.contains {
                    $0.name.localName == "toolspecific" && $0.attribute("activity") == "$invisible$"
                }
                net.transitions.append(
                    PetriNet.Transition(id: id, label: invisible ? nil : text(element, "name") ?? id))
            default:
                break
            }
        }
        for element in elements where element.name.localName == "arc" {
            guard let source = element.attribute("source"), let target = element.attribute("target"),
                ids.contains(source), ids.contains(target)
            else { throw fail(element, "Kante mit unbekannter Quelle oder unbekanntem Ziel.") }
            net.arcs.append(
                PetriNet.Arc(source: source, target: target, weight: try tokens(element, text(element, "inscription"))))
        }
        for markings in netElement.elements where markings.name.localName == "finalmarkings" {
            // pm4py and ProM write one marking; a net with several final markings is read with its first.
            guard let marking = markings.elements.first(where: { $0.name.localName == "marking" }) else { continue }
            for place in marking.elements where place.name.localName == "place" {
                guard let id = place.attribute("idref"), ids.contains(id) else {
                    throw fail(place, "Endmarkierung verweist auf eine unbekannte Stelle.")
                }
                let count = try tokens(place, place.elements.first { $0.name.localName == "text" }?.text)
                if count > 0 { net.finalMarking[id] = count }
            }
        }
        return net
    }
}
