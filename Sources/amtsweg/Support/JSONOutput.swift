import Foundation

/// Writes a value as pretty, key-sorted JSON to stdout: the machine-readable form of every `--json` command.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try write(try encoder.encode(value) + Data("\n".utf8), to: "-")
}
