import AmtswegCore
import Foundation

/// The roadmap's milestones as iCalendar (RFC 5545): the planned start and end of every scheduled initiative,
/// every deadline, and the target day of every goal — all-day events a town hall's calendar can subscribe to.
enum RoadmapCalendar {
    struct Milestone {
        var uid: String
        var day: Day
        var summary: String
        var description: String
    }

    static func milestones(_ plan: RoadmapPlan) -> [Milestone] {
        let roadmap = plan.roadmap
        var milestones: [Milestone] = []
        for initiative in roadmap.initiatives.sorted(by: { $0.id < $1.id }) {
            if let placed = plan.schedule?.placements[initiative.id] {
                milestones.append(
                    Milestone(
                        uid: "\(initiative.id)-start", day: placed.start.firstDay,
                        summary: "Beginn: \(initiative.title)", description: "Maßnahme \(initiative.id), geplant"))
                milestones.append(
                    Milestone(
                        uid: "\(initiative.id)-end", day: placed.end.lastDay,
                        summary: "Abschluss: \(initiative.title)", description: "Maßnahme \(initiative.id), geplant"))
            }
            if let deadline = initiative.deadline {
                milestones.append(
                    Milestone(
                        uid: "\(initiative.id)-deadline", day: deadline, summary: "Frist: \(initiative.title)",
                        description: "Maßnahme \(initiative.id) muss bis zu diesem Tag erledigt sein."))
            }
        }
        for goal in roadmap.goals.sorted(by: { $0.id < $1.id }) {
            milestones.append(
                Milestone(
                    uid: "\(goal.id)-target", day: goal.target.day, summary: "Ziel: \(goal.title)",
                    description: "\(goal.indicator.kind.label): Zielwert \(Display.decimal(goal.target.value))"))
        }
        return milestones
    }

    /// The calendar text, with CRLF line ends and lines folded at 75 octets.
    static func text(_ plan: RoadmapPlan, tenant: ID<Tenant>, now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Amtsweg//Fahrplan//DE", "CALSCALE:GREGORIAN"]
        let stamp = timestamp(now)
        for milestone in milestones(plan) {
            lines += [
                "BEGIN:VEVENT", "UID:\(milestone.uid)@\(tenant.rawValue).amtsweg", "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(milestone.day))",
                "DTEND;VALUE=DATE:\(compact(milestone.day.adding(days: 1)))",
                "SUMMARY:\(escape(milestone.summary))", "DESCRIPTION:\(escape(milestone.description))",
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        for character in line {
            let size = String(character).utf8.count
            if current + size > 75 {
                result += "\r\n "
                current = 1
            }
            result.append(character)
            current += size
        }
        return result
    }
}
