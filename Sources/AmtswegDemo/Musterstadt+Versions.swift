public import AmtswegCore

extension Musterstadt {
    /// One event of the demo's review history: a save of a process (a new version) or a review step.
    public enum ReviewEvent: Sendable {
        case save(CapturedProcess, by: Author, comment: String)
        case review(ReleaseAction, ID<ProcessModel>, by: Author, comment: String)
    }

    /// What Musterstadt's staff did with their processes after the import (where every process is version 1,
    /// released), so that a newcomer sees every review state at once: the dog tax with three versions (the first
    /// archived, the second released, a third in draft), the lost-property process in review, the residents'
    /// parking permit returned with a comment, the restaurant licence archived, and a new process for reporting
    /// a broken street lamp that has never been released.
    public static func reviewHistory() -> [ReviewEvent] {
        let steueramt = Author(id: "demo:steueramt", displayName: "Petra Schulz (Steueramt)")
        let fundbuero = Author(id: "demo:fundbuero", displayName: "Lena Fischer (Bürgerbüro)")
        let verkehr = Author(id: "demo:verkehr", displayName: "Kai Yilmaz (Straßenverkehr)")
        let tiefbau = Author(id: "demo:tiefbau", displayName: "Ole Hansen (Tiefbauamt)")
        let prozess = Author(id: "demo:prozessmanagement", displayName: "Miriam Aydın (Prozessmanagement)")

        let bescheid = StepDetails(
            block: BuildingBlock.Key("bescheid-erstellen"), performer: .position("22-2"), applicationIDs: ["finanz"],
            outputIDs: ["Steuerbescheid"], medium: .specialistSoftware, handlingMinutes: 6,
            responsibilities: [StepResponsibility(.responsible, .position("22-2"))])
        let dogTax2 = hundesteuerIst.updatingStep(
            "Bescheid", name: "Steuerbescheid im Finanzverfahren erstellen", details: bescheid)!
        let dogTax3 = dogTax2.insertingStep(
            after: "Pruefen", name: "Rückfragen telefonisch klären",
            details: StepDetails(
                block: BuildingBlock.Key("abstimmen"), performer: .position("22-2"), medium: .phone,
                handlingMinutes: 5, waitingMinutes: 8 * 60,
                responsibilities: [StepResponsibility(.responsible, .position("22-2"))]))!

        var list = fundsachenIst.step("Liste")!.details
        list.medium = .specialistSoftware
        list.handlingMinutes = 2
        let lostProperty = fundsachenIst.updatingStep(
            "Liste", name: "In die digitale Fundliste eintragen", details: list)!

        var check = bewohnerparkenIst.step("Melderegister")!.details
        check.medium = .specialistSoftware
        check.handlingMinutes = 1
        check.waitingMinutes = 0
        let parking = bewohnerparkenIst.updatingStep(
            "Melderegister", name: "Wohnsitz im Melderegister selbst abrufen", details: check)!

        return [
            .save(dogTax2, by: steueramt, comment: "Bescheid im Finanzverfahren statt von Hand"),
            .review(.submit, "hundesteuer-ist", by: steueramt, comment: ""),
            .review(.release, "hundesteuer-ist", by: prozess, comment: ""),
            .save(dogTax3, by: steueramt, comment: "Rückfragen am Telefon ergänzt"),
            .save(lostProperty, by: fundbuero, comment: "Fundliste digital"),
            .review(.submit, "fundsachen-ist", by: fundbuero, comment: ""),
            .save(parking, by: verkehr, comment: "Melderegister per Abruf statt Anruf"),
            .review(.submit, "bewohnerparken-ist", by: verkehr, comment: ""),
            .review(
                .returnToDraft, "bewohnerparken-ist", by: prozess,
                comment: "Bitte noch angeben, wie lange die Ausgabe des Ausweises dauert, wenn der Abruf scheitert."),
            .review(.archive, "gaststaette-ist", by: prozess, comment: ""),
            .save(streetLamp, by: tiefbau, comment: "Erster Entwurf aus dem Workshop"),
        ]
    }

    /// A process the Tiefbauamt has begun to describe and not yet submitted.
    static let streetLamp = CapturedProcess(
        id: "strassenlaterne-ist", name: "Defekte Straßenlaterne melden und beheben", ownerUnitID: "66",
        items: [
            .step(
                id: "Meldung", name: "Meldung per Telefon oder E-Mail annehmen",
                details: StepDetails(
                    performer: .position("66-2"), medium: .phone, handlingMinutes: 4,
                    responsibilities: [StepResponsibility(.responsible, .position("66-2"))])),
            .step(
                id: "Auftrag", name: "Reparatur bei den Stadtwerken beauftragen",
                details: StepDetails(
                    performer: .position("66-2"), medium: .email, handlingMinutes: 6, waitingMinutes: 5 * 8 * 60,
                    responsibilities: [StepResponsibility(.responsible, .position("66-2"))])),
            .step(
                id: "Rueckmeldung", name: "Meldende informieren",
                details: StepDetails(
                    performer: .position("66-2"), medium: .email, handlingMinutes: 2,
                    responsibilities: [StepResponsibility(.responsible, .position("66-2"))])),
        ])
}
