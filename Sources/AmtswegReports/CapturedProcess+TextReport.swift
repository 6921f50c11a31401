public import AmtswegCore

extension CapturedProcess {
    /// The step list in plain German, one line per step, indented under choices and parallel work.
    public func textReport(map: TenantMap) -> String {
        var lines: [String] = []
        var number = 0
        func walk(_ items: [CapturedItem], depth: Int) {
            let indent = String(repeating: "   ", count: depth)
            for item in items {
                switch item {
                case .step(let id, let name, let details):
                    number += 1
                    var facts: [String] = []
                    if let performer = details.performer { facts.append(map.name(of: performer)) }
                    if let medium = details.medium { facts.append(medium.label) }
                    if details.handlingMinutes > 0 {
                        facts.append(GermanFormat.decimal(details.handlingMinutes, digits: 0) + " min")
                    }
                    if details.waitingMinutes > 0 {
                        facts.append("Liegezeit " + GermanFormat.decimal(details.waitingMinutes, digits: 0) + " min")
                    }
                    lines.append(
                        "\(indent)\(number). \(name) [\(id)]"
                            + (facts.isEmpty ? "" : " – " + facts.joined(separator: ", ")))
                case .choice(let question, let branches):
                    lines.append("\(indent)Entweder – oder: \(question.isEmpty ? "Verzweigung" : question)")
                    for branch in branches {
                        let share = branch.share.map { " (\(GermanFormat.percent($0)))" } ?? ""
                        lines.append(
                            "\(indent) • \(branch.label.isEmpty ? "Weg" : branch.label)\(share):"
                                + (branch.items.isEmpty ? " weiter" : ""))
                        walk(branch.items, depth: depth + 1)
                    }
                case .parallel(let branches):
                    lines.append("\(indent)Gleichzeitig:")
                    for branch in branches {
                        lines.append("\(indent) • \(branch.label.isEmpty ? "Zweig" : branch.label):")
                        walk(branch.items, depth: depth + 1)
                    }
                case .goBack(let target, let share, let label):
                    lines.append(
                        "\(indent)↺ \(label.isEmpty ? "Zurück" : label): \(GermanFormat.percent(share)) zurück zu [\(target)]"
                    )
                }
            }
        }
        walk(items, depth: 0)
        return "\(name) – Stand: \(state.label)\n" + lines.joined(separator: "\n") + "\n"
    }
}
