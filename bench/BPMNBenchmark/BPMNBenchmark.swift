import AmtswegXML
import BPMN
import Foundation

/// Issue 3's throughput figure: BPMN read + write in MB/s on the largest corpus files, beside `xmllint --noout`
/// (libxml2, C) parsing the same files, 100 times in one process (`--repeat`). Run `bench/bpmn-benchmark`.
@main
struct BPMNBenchmark {
    static func main() throws {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            print("usage: BPMNBenchmark FILE…")
            return
        }
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        // `BENCH_REPEAT` lowers it for instruction counts under valgrind, where times are too noisy to compare.
        let repetitions = ProcessInfo.processInfo.environment["BENCH_REPEAT"].flatMap { Int($0) } ?? 100
        // One workload, repeated, for `perf record` or instruction counts under valgrind (`--profile` is read +
        // write; the others single out one stage). The write workload reads the model once, outside the loop.
        let workloads: [String: (Data, String) throws -> Void] = [
            "--profile": { data, path in _ = BPMNWriter.write(try BPMNReader.read(data, file: path)) },
            "--profile-read": { data, path in _ = try BPMNReader.read(data, file: path) },
            "--profile-tokens": { data, path in
                var parser = try XMLPullParser(data: data, file: path)
                while try parser.nextToken() != nil {}
            },
            "--profile-events": { data, path in
                var parser = try XMLPullParser(data: data, file: path)
                while try parser.next() != nil {}
            },
        ]
        if let mode = files.first, let workload = workloads[mode] {
            for path in files.dropFirst() {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                for _ in 0..<repetitions { try workload(data, path) }
            }
            return
        }
        if files.first == "--profile-write" {
            for path in files.dropFirst() {
                let model = try BPMNReader.read(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
                for _ in 0..<repetitions { _ = BPMNWriter.write(model) }
            }
            return
        }
        if files.first == "--phases" {
            for path in files.dropFirst() {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let megabytes = Double(data.count * repetitions) / 1_000_000
                func rate(_ name: String, _ work: () throws -> Void) rethrows {
                    let time = try clock.measure { for _ in 0..<repetitions { try work() } }
                    print(String(format: "  %-28@ %8.1f MB/s", name as NSString, megabytes / seconds(time)))
                }
                print(path)
                try rate("events only") {
                    var parser = try XMLPullParser(data: data, file: path)
                    while try parser.next() != nil {}
                }
                try rate("XML tree") { _ = try XMLDocument(data: data, file: path) }
                let document = try XMLDocument(data: data, file: path)
                try rate("BPMN read") { _ = try BPMNReader.read(data, file: path) }
                let model = try BPMNReader.read(data, file: path)
                rate("BPMN write") { _ = BPMNWriter.write(model) }
                rate("XML write (tree)") { _ = XMLWriter().write(document) }
            }
            return
        }
        print(
            "file                                                   size KB   read MB/s   read+write MB/s   xmllint MB/s   ratio (read+write / xmllint)"
        )
        // Rounds alternate between Amtsweg and xmllint and each keeps its best round: the machine's speed drifts
        // by tens of percent within a minute, and measuring one after the other let the drift decide the ratio.
        let rounds = ProcessInfo.processInfo.environment["BENCH_ROUNDS"].flatMap { Int($0) } ?? 5
        var ratios: [Double] = []
        // All files together: bytes over time on each side, the speed over the whole set.
        var totalBytes = 0.0, totalOurs = 0.0, totalReference = 0.0
        for path in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let megabytes = Double(data.count * repetitions) / 1_000_000
            var read = Duration.seconds(1_000_000), readWrite = read, xmllint = read
            for _ in 0..<rounds {
                read = min(
                    read, try clock.measure { for _ in 0..<repetitions { _ = try BPMNReader.read(data, file: path) } })
                readWrite = min(
                    readWrite,
                    try clock.measure {
                        for _ in 0..<repetitions { _ = BPMNWriter.write(try BPMNReader.read(data, file: path)) }
                    })
                xmllint = min(
                    xmllint,
                    try clock.measure {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
                        process.arguments = ["--noout", "--repeat", path]
                        try process.run()
                        process.waitUntilExit()
                    })
            }
            let ours = megabytes / seconds(readWrite), reference = megabytes / seconds(xmllint)
            let name = URL(fileURLWithPath: path).pathComponents.suffix(2).joined(separator: "/")
            print(
                String(
                    format: "%-54@ %7d   %9.1f   %15.1f   %12.1f   %.2f", name as NSString, data.count / 1000,
                    megabytes / seconds(read), ours, reference, ours / reference))
            ratios.append(ours / reference)
            totalBytes += megabytes
            totalOurs += seconds(readWrite)
            totalReference += seconds(xmllint)
        }
        let geometricMean = exp(ratios.map { log($0) }.reduce(0, +) / Double(ratios.count))
        print(
            String(
                format: "ratio over %d files: geometric mean %.2f, lowest %.2f, highest %.2f (goal: at least 0.5)",
                ratios.count, geometricMean, ratios.min()!, ratios.max()!))
        print(
            String(
                format: "all files together: read+write %.1f MB/s, xmllint %.1f MB/s, ratio %.2f",
                totalBytes / totalOurs, totalBytes / totalReference, totalReference / totalOurs))
    }
}
