public import AmtswegCore
public import Foundation

/// A maturity model that cannot be used, with what is wrong.
public struct MaturityModelError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [String]

    public var description: String {
        "\(file): Reifegradmodell nicht lesbar:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Reads maturity models from their JSON form — the form the shipped model 1.1 has, and the form a later
/// version (2.0, levels 0–7) takes once its criteria are published machine-readably.
public enum MaturityModelReader {
    /// Far above any model (1.1 is 4 KB).
    public static let maxBytes = 1 << 20

    /// The model the OZG applies today, shipped with Amtsweg.
    public static func builtIn() -> MaturityModel {
        guard
            let url = Bundle.module.url(
                forResource: "maturity-model-1.1", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url), let model = try? read(data, file: url.lastPathComponent)
        else { preconditionFailure("The shipped maturity model 1.1 is missing or broken: the build is incomplete.") }
        return model
    }

    public static func read(_ data: Data, file: String) throws(MaturityModelError) -> MaturityModel {
        guard data.count <= maxBytes else {
            throw MaturityModelError(file: file, problems: ["größer als \(maxBytes) Bytes"])
        }
        let model: MaturityModel
        do {
            model = try JSONDecoder().decode(MaturityModel.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw MaturityModelError(file: file, problems: ["„\(path(context.codingPath + [key]))“ fehlt"])
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw MaturityModelError(file: file, problems: ["„\(path(context.codingPath))“ hat den falschen Typ"])
        } catch {
            throw MaturityModelError(file: file, problems: ["kein gültiges JSON"])
        }
        let problems = model.problems()
        guard problems.isEmpty else { throw MaturityModelError(file: file, problems: problems) }
        return model
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
