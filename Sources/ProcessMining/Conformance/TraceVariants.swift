/// The distinct activity sequences of a log as code arrays, in order of first appearance, with how many cases
/// follow each: what replay and alignment work on, so each sequence is checked once.
struct TraceVariants {
    var traces: [[Int32]] = []
    var counts: [Int] = []

    init(_ log: EventLog) {
        var index: [[Int32]: Int] = [:]
        for c in 0..<log.caseCount {
            let trace = Array(log.activity[log.events(ofCase: c)])
            if let known = index[trace] {
                counts[known] += 1
            } else {
                index[trace] = traces.count
                traces.append(trace)
                counts.append(1)
            }
        }
    }
}
