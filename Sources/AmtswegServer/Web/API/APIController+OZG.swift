import AmtswegCore
import AmtswegStore
import FIM
import Foundation
import Hummingbird

/// The OZG catalogue and the services' maturity, as on the OZG pages: the catalogue's levels (its LeiKa entries
/// one by one), the maturity of every service with the OZG-Leistungen online, a service's assessment history,
/// and recording an assessment.
extension APIController {
    func addOZGRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "ozg/catalogue", .read) { request, context in try await ozgCatalogue(context) }
        routes.get(api + "ozg/catalogue/entries/:leika", .read) { request, context in try await leikaEntry(context) }
        routes.get(api + "ozg/maturity", .read) { request, context in try await maturity(context) }
        routes.get(api + "ozg/services/:id/maturity", .read) { request, context in
            try await serviceMaturity(context)
        }
        routes.post(api + "ozg/services/:id/maturity", .manageProcesses) { request, context in
            try await assessService(request, context)
        }
    }

    struct CatalogueSummary: ResponseEncodable, Sendable {
        var source: String
        var asOf: Day?
        var entries: Int
        var topics: [OZGTopic]
        var situations: [OZGSituation]
        var services: [OZGService]
    }

    func ozgCatalogue(_ context: AppRequestContext) async throws -> CatalogueSummary {
        let snapshot = try await pages.snapshot(context)
        guard let catalogue = try await pages.workspace.repository.ozgCatalogue(of: snapshot.map.tenant.id) else {
            throw HTTPError(.notFound, message: "Die Kommune hat noch keinen OZG-Katalog eingelesen.")
        }
        return CatalogueSummary(
            source: catalogue.snapshot.source, asOf: catalogue.snapshot.asOf, entries: catalogue.entries.count,
            topics: catalogue.topics, situations: catalogue.situations, services: catalogue.services)
    }

    struct EntryDetail: ResponseEncodable, Sendable {
        var entry: LeiKaEntry
        var ozgService: OZGService?
        var situation: OZGSituation?
        var topic: OZGTopic?
    }

    func leikaEntry(_ context: AppRequestContext) async throws -> EntryDetail {
        let snapshot = try await pages.snapshot(context)
        let text = try context.parameters.require("leika")
        guard let key = LeiKaKey(text),
            let catalogue = try await pages.workspace.repository.ozgCatalogue(of: snapshot.map.tenant.id),
            let placement = OZGIndex(catalogue).placement(of: key)
        else { throw HTTPError(.notFound, message: "Den LeiKa-Schlüssel „\(text)“ enthält der OZG-Katalog nicht.") }
        return EntryDetail(
            entry: placement.entry, ozgService: placement.service, situation: placement.situation,
            topic: placement.topic)
    }

    struct ServiceMaturity: Encodable, Sendable {
        var service: String
        var name: String
        var leikaKey: String
        var inCatalogue: Bool
        var ozgService: OZGService?
        var situation: String?
        var topic: String?
        var modelVersion: String?
        var currentLevel: Int?
        var targetLevel: Int?
        var online: Bool
        var assessedOn: Day?
        var assessedBy: String?
    }

    struct OZGServiceSummary: Encodable, Sendable {
        var id: Int
        var name: String
        var situation: String?
        var topic: String?
        var services: [String]
        var bestLevel: Int?
        var online: Bool
    }

    struct GroupSummary: Encodable, Sendable {
        var id: Int?
        var name: String
        var services: Int
        var assessed: Int
        var online: Int
        var currentMean: Double?
        var targetMean: Double?
    }

    struct MaturityOverview: ResponseEncodable, Sendable {
        var models: [MaturityModel]
        var services: [ServiceMaturity]
        var ozgServices: [OZGServiceSummary]
        var topics: [GroupSummary]
        var situations: [GroupSummary]
        var unassessed: [String]
        var notInCatalogue: [String]
    }

    static func serviceMaturity(_ row: OZGOverview.Row) -> ServiceMaturity {
        ServiceMaturity(
            service: row.service.id.rawValue, name: row.service.name, leikaKey: row.service.leikaKey.rawValue,
            inCatalogue: row.placement != nil, ozgService: row.placement?.service,
            situation: row.placement?.situation?.name, topic: row.placement?.topic?.name,
            modelVersion: row.assessment?.modelVersion, currentLevel: row.currentLevel, targetLevel: row.targetLevel,
            online: row.isOnline, assessedOn: row.assessment?.assessedOn, assessedBy: row.assessment?.assessedBy)
    }

    func maturity(_ context: AppRequestContext) async throws -> MaturityOverview {
        let snapshot = try await pages.snapshot(context)
        let overview = try await pages.workspace.ozgOverview(snapshot)
        func groups(_ groups: [OZGOverview.Group]) -> [GroupSummary] {
            groups.map {
                GroupSummary(
                    id: $0.id, name: $0.name, services: $0.serviceIDs.count, assessed: $0.assessed, online: $0.online,
                    currentMean: $0.currentMean, targetMean: $0.targetMean)
            }
        }
        return MaturityOverview(
            models: try await OZGPages.models(pages.workspace, snapshot.map.tenant.id),
            services: overview.rows.map(Self.serviceMaturity),
            ozgServices: overview.ozgServices.map {
                OZGServiceSummary(
                    id: $0.service.id, name: $0.service.name, situation: $0.situation?.name, topic: $0.topic?.name,
                    services: $0.tenantServiceIDs.map(\.rawValue), bestLevel: $0.bestLevel, online: $0.isOnline)
            }, topics: groups(overview.topics), situations: groups(overview.situations),
            unassessed: overview.unassessed.map(\.id.rawValue),
            notInCatalogue: overview.notInCatalogue.map(\.id.rawValue))
    }

    struct ServiceHistory: ResponseEncodable, Sendable {
        var current: ServiceMaturity
        /// Oldest first.
        var assessments: [MaturityAssessment]
    }

    func serviceMaturity(_ context: AppRequestContext) async throws -> ServiceHistory {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("id")
        let overview = try await pages.workspace.ozgOverview(snapshot)
        guard let row = overview.rows.first(where: { $0.service.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Leistung „\(id)“ gibt es nicht.")
        }
        return ServiceHistory(
            current: Self.serviceMaturity(row),
            assessments: try await pages.workspace.repository.maturityAssessments(of: snapshot.map.tenant.id)
                .filter { $0.serviceID == row.service.id })
    }

    /// An assessment as the API takes it: the model version (the newest stored when left out), a rating per
    /// criterion (a level, or "entfällt" where the criterion allows it), target, day and assessor.
    struct AssessmentInput: Decodable, Sendable {
        var modelVersion: String?
        var ratings: [String: MaturityRating]
        var targetLevel: Int
        var assessedOn: String
        var assessedBy: String
        var note: String?
    }

    func assessService(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<JSONBody<ServiceHistory>>
    {
        // The service first: another tenant's service is "not found" whatever the body holds.
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let id = try context.parameters.require("id")
        guard let service = snapshot.map.services.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Leistung „\(id)“ gibt es nicht.")
        }
        let input = try await request.decode(as: AssessmentInput.self, context: context)
        let models = try await OZGPages.models(pages.workspace, tenant)
        guard let model = input.modelVersion.map({ version in models.first { $0.version == version } }) ?? models.last
        else {
            throw HTTPError(
                .unprocessableContent, message: "Das Reifegradmodell \(input.modelVersion ?? "") ist nicht hinterlegt.")
        }
        guard let day = Day(input.assessedOn) else {
            throw HTTPError(.unprocessableContent, message: "assessedOn: „\(input.assessedOn)“ ist kein Datum.")
        }
        guard day <= Day(pages.configuration.now()) else {
            throw HTTPError(.unprocessableContent, message: "assessedOn: das Datum liegt in der Zukunft.")
        }
        guard input.assessedBy.count <= 200, (input.note ?? "").count <= 2_000 else {
            throw HTTPError(
                .unprocessableContent, message: "assessedBy höchstens 200 Zeichen, note höchstens 2.000 Zeichen.")
        }
        let assessment = MaturityAssessment(
            serviceID: service.id, modelVersion: model.version, ratings: input.ratings,
            targetLevel: input.targetLevel, assessedOn: day, assessedBy: input.assessedBy, note: input.note ?? "")
        let problems = assessment.problems(in: model)
        guard problems.isEmpty else {
            throw StoreError.invalidData(what: "Die Reifegradbewertung", problems: problems)
        }
        if try await pages.workspace.repository.maturityModels(of: tenant).isEmpty {
            try await pages.workspace.saveMaturityModel(model, of: tenant, by: context.author)
        }
        try await pages.workspace.recordMaturityAssessment(assessment, of: tenant, by: context.author)
        return EditedResponse(status: .created, response: JSONBody(try await serviceMaturity(context)))
    }
}
