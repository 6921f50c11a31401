import AmtswegXML
public import Foundation

/// Writes a Petri net as PNML in the form pm4py and ProM read: one page, names, initial marking, arc
/// inscriptions above weight 1, silent transitions marked `$invisible$`, the final marking.
public enum PNMLWriter {
    public static func write(_ net: PetriNet) -> Data {
        func name(_ local: String) -> XMLName { XMLName(localName: local) }
        func element(_ local: String, _ attributes: [(String, String)] = [], _ children: [XMLElement] = [])
            -> XMLElement
        {
            XMLElement(
                name: name(local), attributes: attributes.map { XMLAttribute(name: name($0.0), value: $0.1) },
                children: children.map { .element($0) })
        }
        func textElement(_ local: String, _ value: String) -> XMLElement {
            var text = element("text")
            text.children = [.text(value)]
            return element(local, [], [text])
        }
        var page: [XMLElement] = []
        for place in net.places {
            var children = [textElement("name", place.name.isEmpty ? place.id : place.name)]
            if let tokens = net.initialMarking[place.id], tokens > 0 {
                children.append(textElement("initialMarking", String(tokens)))
            }
            page.append(element("place", [("id", place.id)], children))
        }
        for transition in net.transitions {
            var children = [textElement("name", transition.label ?? transition.id)]
            if transition.label == nil {
                children.append(
                    element(
                        "toolspecific",
                        [
                            ("tool", "ProM"), ("version", "6.4"), ("activity", "$invisible$"),
                            ("localNodeID", transition.id),
                        ]))
            }
            page.append(element("transition", [("id", transition.id)], children))
        }
        for (index, arc) in net.arcs.enumerated() {
            let children = arc.weight > 1 ? [textElement("inscription", String(arc.weight))] : []
            page.append(
                element("arc", [("id", "a\(index + 1)"), ("source", arc.source), ("target", arc.target)], children))
        }
        let finalPlaces = net.finalMarking.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map { place, tokens in
            var text = element("text")
            text.children = [.text(String(tokens))]
            return element("place", [("idref", place)], [text])
        }
        let netElement = element(
            "net", [("id", net.id), ("type", "http://www.pnml.org/version-2009/grammar/pnmlcoremodel")],
            [
                textElement("name", net.id), element("page", [("id", "n0")], page),
                element("finalmarkings", [], [element("marking", [], finalPlaces)]),
            ])
        return XMLWriter().write(XMLDocument(root: element("pnml", [], [netElement])))
    }
}
