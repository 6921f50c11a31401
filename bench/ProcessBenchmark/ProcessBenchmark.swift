import AmtswegCore
import AmtswegDemo
import AmtswegSupport
import Foundation

/// Issue 4's performance target: key figures and problem spots for a tenant with 5,000 processes of 10–60
/// steps (choices with shares, parallel work, loops back) in under 5 seconds. Run `bench/process-benchmark`.
///
/// The processes are generated from a fixed seed over Musterstadt's organisation and catalogue, so every run
/// measures the same work.
@main
struct ProcessBenchmark {
    static func main() {
        let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5_000
        let map = Musterstadt.map()
        var generator = SplitMix64(seed: 4_711)
        let captured = (0..<count).map { index in
            generateProcess(index, map: map, using: &generator)
        }
        let processes = captured.map { $0.processModel(laneName: map.name(of:)) }
        let steps = processes.reduce(0) { $0 + $1.steps.count }

        let clock = ContinuousClock()
        var figures: [ProcessFigures] = []
        let figuresTime = clock.measure { figures = ProcessFigures.all(processes, map: map) }
        var spots: [ProblemSpot] = []
        let problemsTime = clock.measure { spots = ProblemFinder(map: map).findAll(in: processes) }
        let total = figuresTime + problemsTime
        let hours = figures.compactMap(\.staffHoursPerYear).reduce(0, +)
        print(
            "\(count) processes, \(steps) steps (\(steps / count) on average), \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        print("  key figures (all paths and main path): \(figuresTime)")
        print("  problem spots (\(spots.count) found):   \(problemsTime)")
        print("  together: \(total)  (target: under 5 s) \(total < .seconds(5) ? "✔" : "✘")")
        print("  check: \(Int(hours)) staff hours a year in all")
    }

    /// A process of 10–60 steps: a sequence with choices, parallel work and loops back along the way.
    static func generateProcess(
        _ index: Int, map: TenantMap, using generator: inout SplitMix64
    ) -> CapturedProcess {
        let target = Int.random(in: 10...60, using: &generator)
        var made = 0
        func step() -> CapturedItem {
            made += 1
            let position = map.positions.randomElement(using: &generator)!
            let application = map.catalogue.applications.randomElement(using: &generator)!
            return .step(
                id: "S\(made)", name: "Schritt \(made)",
                details: StepDetails(
                    block: BuildingBlock.standard.randomElement(using: &generator)!.key,
                    performer: .position(position.id),
                    applicationIDs: Bool.random(using: &generator) ? [application.id] : [],
                    inputIDs: [map.informationObjects.randomElement(using: &generator)!.id],
                    medium: Medium.allCases.randomElement(using: &generator)!,
                    handlingMinutes: Double(Int.random(in: 1...90, using: &generator)),
                    waitingMinutes: Double(Int.random(in: 0...4_000, using: &generator)),
                    responsibilities: [StepResponsibility(.responsible, .position(position.id))],
                    requiredSkills: [SkillRequirement(map.catalogue.skills.randomElement(using: &generator)!.id)]))
        }
        var items: [CapturedItem] = []
        while made < target {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0 where target - made >= 3:
                let share = Double(Int.random(in: 5...95, using: &generator)) / 100
                items.append(
                    .choice(
                        question: "Frage \(made)",
                        branches: [
                            CapturedBranch(label: "ja", share: share, items: [step(), step()]),
                            CapturedBranch(label: "nein", share: 1 - share, items: [step()]),
                        ]))
            case 1 where target - made >= 2:
                items.append(.parallel(branches: [CapturedBranch(items: [step()]), CapturedBranch(items: [step()])]))
            case 2 where made > 2:
                items.append(step())
                let back = Int.random(in: 1..<made, using: &generator)
                items.append(
                    .goBack(
                        toStepID: "S\(back)", share: Double(Int.random(in: 5...30, using: &generator)) / 100,
                        label: "Nacharbeit?"))
            default:
                items.append(step())
            }
        }
        let service = map.services[index % map.services.count]
        return CapturedProcess(
            id: ID("p\(index)"), name: "Prozess \(index)", serviceID: service.id, ownerUnitID: service.unitID,
            items: items)
    }
}
