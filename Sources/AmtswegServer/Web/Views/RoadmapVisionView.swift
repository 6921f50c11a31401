import AmtswegCore

/// The roadmap's vision as the overview and the print show it: the statement, and who agreed it when, from which
/// workshop finding. On the overview it is a piece of its own (`roadmap/vision`), so that a new wording is put
/// into the kept plan instead of computing the plan anew.
struct RoadmapVisionView: Sendable {
    static let slot = "vision"

    var hasVision: Bool
    var vision: String
    var visionAgreed: String

    init(_ vision: Vision?, map: TenantMap) {
        hasVision = vision != nil
        self.vision = vision?.statement ?? ""
        visionAgreed =
            vision.map { vision in
                [
                    vision.agreedOn.map { "vereinbart am " + GermanFormat.date($0) },
                    vision.agreedBy.isEmpty ? nil : "von " + vision.agreedBy,
                    vision.sourceFindingID.flatMap { id in map.findings.first { $0.id == id } }.map {
                        "– aus dem Workshop-Befund vom \(GermanFormat.date($0.recordedOn)): „\(Display.clipped($0.text, to: 120))“"
                    },
                ]
                .compactMap { $0 }.joined(separator: " ")
            } ?? ""
    }
}
