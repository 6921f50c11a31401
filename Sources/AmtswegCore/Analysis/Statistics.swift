/// Small descriptive statistics the views share.
enum Statistics {
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// Population standard deviation.
    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)).squareRoot()
    }

    /// For each value whether it lies at least `sigmas` standard deviations above the mean (and above zero spread).
    static func outliers(_ values: [Double], sigmas: Double) -> [Bool] {
        let m = mean(values), sd = standardDeviation(values)
        guard sd > 0 else { return values.map { _ in false } }
        return values.map { $0 >= m + sigmas * sd }
    }
}
