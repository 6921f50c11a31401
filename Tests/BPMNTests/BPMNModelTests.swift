import AmtswegXML
import BPMN
import Foundation
import Testing

/// A small model as Camunda Modeler writes it: default namespace for nothing, `bpmn:` prefix, vendor
/// attributes and extension elements, a condition with `xsi:type`, a lane, and a diagram.
let camundaStyle = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
        xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"
        exporter="Camunda Modeler" exporterVersion="5.0.0">
      <bpmn:process id="Antrag" name="Antrag bearbeiten" isExecutable="true">
        <bpmn:laneSet id="LaneSet_1">
          <bpmn:lane id="Lane_Buergerbuero" name="Bürgerbüro">
            <bpmn:flowNodeRef>Start</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Pruefen</bpmn:flowNodeRef>
          </bpmn:lane>
          <bpmn:lane id="Lane_Kasse" name="Stadtkasse"/>
        </bpmn:laneSet>
        <bpmn:startEvent id="Start" name="Antrag eingegangen">
          <bpmn:outgoing>Flow_1</bpmn:outgoing>
        </bpmn:startEvent>
        <bpmn:userTask id="Pruefen" name="Vollständigkeit prüfen" camunda:assignee="sachbearbeitung">
          <bpmn:extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="frist">14</camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
          <bpmn:incoming>Flow_1</bpmn:incoming>
          <bpmn:outgoing>Flow_2</bpmn:outgoing>
        </bpmn:userTask>
        <bpmn:endEvent id="Ende" name="Bescheid versandt">
          <bpmn:incoming>Flow_2</bpmn:incoming>
        </bpmn:endEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Pruefen"/>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Pruefen" targetRef="Ende">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${vollstaendig}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
      </bpmn:process>
      <bpmndi:BPMNDiagram id="Diagram_1">
        <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Antrag">
          <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
          <bpmndi:BPMNShape id="Pruefen_di" bpmnElement="Pruefen"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
          <bpmndi:BPMNShape id="Ende_di" bpmnElement="Ende"><dc:Bounds x="392" y="102" width="36" height="36"/></bpmndi:BPMNShape>
          <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
          <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120"/><di:waypoint x="392" y="120"/></bpmndi:BPMNEdge>
        </bpmndi:BPMNPlane>
      </bpmndi:BPMNDiagram>
    </bpmn:definitions>
    """

func readCamundaStyle() throws -> BPMNModel { try BPMNReader.read(Data(camundaStyle.utf8), file: "antrag.bpmn") }

/// Applies `change` to the first element with `id` anywhere in the tree.
func edit(_ element: inout BPMNElement, id: String, _ change: (inout BPMNElement) -> Void) {
    if element.id == id {
        change(&element)
        return
    }
    for index in element.children.indices { edit(&element.children[index], id: id, change) }
}

@Suite struct BPMNReaderTests {
    @Test func readsTheStandardAndKeepsTheVendorApart() throws {
        let model = try readCamundaStyle()
        #expect(model.processes.map(\.id) == ["Antrag"])
        #expect(model.flowNodes.compactMap(\.id).sorted() == ["Ende", "Pruefen", "Start"])
        #expect(model.diagramElements.count == 5)
        let task = try #require(model.elementsByID["Pruefen"])
        #expect(task.kind == "model:userTask")
        #expect(task.name == "Vollständigkeit prüfen")
        #expect(task.foreignAttributes.map(\.name.qualified) == ["camunda:assignee"])
        let extensions = try #require(task.children("model:extensionElements").first)
        #expect(extensions.foreignContent.count == 1)
        let condition = try #require(model.elementsByID["Flow_2"]?.children("model:conditionExpression").first)
        #expect(condition.text == "${vollstaendig}")
        #expect(condition.foreignAttributes.first?.name.namespace == BPMNSchema.xsiNamespace)
        #expect(
            model.elementsByID["Lane_Buergerbuero"]?.children("model:flowNodeRef").map(\.text) == ["Start", "Pruefen"])
    }

    @Test func refusesWhatIsNotBPMN() {
        #expect {
            _ = try BPMNReader.read(Data("<definitions xmlns=\"urn:other\"/>".utf8), file: "x.bpmn")
        } throws: { error in
            (error as? BPMNError)?.message.contains("Keine BPMN-2.0-Datei") == true
        }
    }

    @Test func refusesHostileXML() {
        let xxe = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions>&x;</definitions>"
        #expect {
            _ = try BPMNReader.read(Data(xxe.utf8), file: "xxe.bpmn")
        } throws: { error in
            (error as? BPMNError)?.xmlError?.kind == .forbiddenDeclaration
        }
    }
}

@Suite struct BPMNDiffTests {
    @Test func identicalModelsHaveNoDifference() throws {
        #expect(BPMNDiff.compare(try readCamundaStyle(), try readCamundaStyle()).isEmpty)
    }

    @Test func findsARenamedTask() throws {
        let a = try readCamundaStyle()
        var b = a
        edit(&b.definitions, id: "Pruefen") { $0["name"] = "Unterlagen prüfen" }
        let differences = BPMNDiff.compare(a, b)
        #expect(differences.count == 1)
        #expect(differences.first?.description.contains("userTask 'Pruefen': Attribut name") == true)
    }

    /// A repeated id (as in Visio exports): `bpmn check` names both lines, and the diff pairs the repeats in
    /// order, so a change of the second is reported on the second and nothing else differs.
    @Test func repeatedIdsAreNamedAndPairedInOrder() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="p">
                <task id="Shape_1" name="Erfassen"/>
                <task id="Shape_1" name="Prüfen"/>
                <sequenceFlow id="f" sourceRef="Shape_1" targetRef="Shape_1"/>
              </process>
            </definitions>
            """
        let a = try BPMNReader.read(Data(text.utf8), file: "visio.bpmn")
        let warnings = BPMNCheck.warnings(a)
        #expect(warnings == ["Zeile 5: task hat die Kennung 'Shape_1', die schon task in Zeile 4 trägt."])
        #expect(BPMNDiff.compare(a, a).isEmpty)
        let b = try BPMNReader.read(
            Data(text.replacingOccurrences(of: "Prüfen", with: "Bescheiden").utf8), file: "visio-2.bpmn")
        let differences = BPMNDiff.compare(a, b).map(\.description)
        #expect(differences.count == 1, "\(differences)")
        #expect(differences.first?.contains("task 'Shape_1' (2. mit dieser Kennung): Attribut name") == true)
    }

    @Test func boundsWithinHalfAPixelAreEqual() throws {
        let a = try readCamundaStyle()
        var nearly = a, moved = a
        edit(&nearly.definitions, id: "Pruefen_di") { $0.children[0]["x"] = "240.4" }
        edit(&moved.definitions, id: "Pruefen_di") { $0.children[0]["x"] = "243" }
        #expect(BPMNDiff.compare(a, nearly).isEmpty)
        #expect(BPMNDiff.compare(a, moved).count == 1)
    }

    @Test func findsMissingFlowsAndChangedVendorContent() throws {
        let a = try readCamundaStyle()
        var b = a
        edit(&b.definitions, id: "Antrag") { process in process.children.removeAll { $0.id == "Flow_1" } }
        edit(&b.definitions, id: "Pruefen") { task in
            task.foreignAttributes[0].value = "leitung"
            task.children[0].foreignContent = []
        }
        let messages = BPMNDiff.compare(a, b).map(\.description)
        #expect(messages.contains { $0.contains("sequenceFlow 'Flow_1' fehlt rechts") })
        #expect(messages.contains { $0.contains("Fremdattribut") })
        #expect(messages.contains { $0.contains("Erweiterungsinhalt") })
    }
}

@Suite struct BPMNWriterTests {
    @Test func writesTheEditedModelNotTheInputBytes() throws {
        var model = try readCamundaStyle()
        // Rename a task, move its shape, delete a lane, add a sequence flow with its edge.
        edit(&model.definitions, id: "Pruefen") { $0["name"] = "Unterlagen prüfen" }
        edit(&model.definitions, id: "Pruefen_di") { $0.children[0]["x"] = "260" }
        edit(&model.definitions, id: "LaneSet_1") { $0.children.removeAll { $0.id == "Lane_Kasse" } }
        edit(&model.definitions, id: "Antrag") { process in
            process.children.append(
                BPMNElement(
                    kind: "model:sequenceFlow", attributes: ["id": "Flow_3", "sourceRef": "Start", "targetRef": "Ende"])
            )
        }
        edit(&model.definitions, id: "Plane_1") { plane in
            plane.children.append(
                BPMNElement(
                    kind: "bpmndi:BPMNEdge", attributes: ["id": "Flow_3_di", "bpmnElement": "Flow_3"],
                    children: [
                        BPMNElement(kind: "di:waypoint", attributes: ["x": "170", "y": "138"]),
                        BPMNElement(kind: "di:waypoint", attributes: ["x": "410", "y": "138"]),
                    ]))
        }
        let written = BPMNWriter.write(model)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("name=\"Unterlagen prüfen\""))
        #expect(text.contains("<dc:Bounds x=\"260\" y=\"80\" width=\"100\" height=\"80\"/>"))
        #expect(!text.contains("Lane_Kasse"))
        #expect(text.contains("<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Start\" targetRef=\"Ende\"/>"))
        #expect(text.contains("<bpmndi:BPMNEdge id=\"Flow_3_di\" bpmnElement=\"Flow_3\">\n"))
        // Vendor content survives with its namespace declared.
        #expect(text.contains("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""))
        #expect(text.contains("<camunda:inputParameter name=\"frist\">14</camunda:inputParameter>"))
        let again = try BPMNReader.read(written, file: "edited.bpmn")
        #expect(BPMNDiff.compare(model, again).isEmpty)
    }

    @Test func writesChildrenInSchemaOrder() throws {
        var model = try readCamundaStyle()
        // Put the diagram first and the process last: the writer restores the schema's order.
        model.definitions.children.reverse()
        edit(&model.definitions, id: "Pruefen") { $0.children.reverse() }
        let text = String(decoding: BPMNWriter.write(model), as: UTF8.self)
        let process = try #require(text.range(of: "<bpmn:process"))
        let diagram = try #require(text.range(of: "<bpmndi:BPMNDiagram"))
        #expect(process.lowerBound < diagram.lowerBound)
        let extensions = try #require(text.range(of: "<bpmn:extensionElements>"))
        let incoming = try #require(text.range(of: "<bpmn:incoming>Flow_1"))
        let outgoing = try #require(text.range(of: "<bpmn:outgoing>Flow_2"))
        #expect(extensions.lowerBound < incoming.lowerBound && incoming.lowerBound < outgoing.lowerBound)
    }
}

@Suite struct SVGRendererTests {
    @Test func drawsEveryShapeAndEdgeWithItsNotation() throws {
        let svg = try #require(SVGRenderer.render(try readCamundaStyle()))
        let document = try XMLDocument(data: Data(svg.utf8), file: "antrag.svg")
        #expect(document.root.name.localName == "svg")
        #expect(document.root.attribute("viewBox") == "132 60 316 120")
        // Start event thin circle, end event thick circle, the user task as a rounded rectangle.
        #expect(
            svg.contains(
                "<circle cx=\"170\" cy=\"120\" r=\"18\" fill=\"white\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>"))
        #expect(svg.contains("r=\"16\" fill=\"white\" stroke=\"#1a1a1a\" stroke-width=\"4\""))
        #expect(svg.contains("<rect x=\"240\" y=\"80\" width=\"100\" height=\"80\" rx=\"10\""))
        #expect(svg.components(separatedBy: "marker-end=\"url(#arrow)\"").count == 3)
        #expect(svg.contains(">Vollständigkeit</tspan>"))
        // Self-contained: no external references.
        #expect(!svg.contains("href") && !svg.contains("<script") && !svg.contains("@import"))
    }

    @Test func escapesNamesAndHasNoDiagramWithoutDI() throws {
        var model = try readCamundaStyle()
        edit(&model.definitions, id: "Pruefen") { $0["name"] = "<script>alert(1)</script> & Co" }
        let svg = try #require(SVGRenderer.render(model))
        #expect(!svg.contains("<script>"))
        // The long name is wrapped (and broken) to the box; every piece is escaped.
        #expect(svg.contains("&lt;script&gt;") && svg.contains("&gt;") && svg.contains("&amp; Co"))
        model.definitions.children.removeAll { $0.kind == "bpmndi:BPMNDiagram" }
        #expect(SVGRenderer.render(model) == nil)
    }
}
