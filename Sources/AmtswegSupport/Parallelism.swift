import Foundation

/// How many threads Amtsweg's own parallel work uses (reading XES in segments, aligning variants, figures of
/// many processes): every core, or one when the environment says `AMTSWEG_THREADS=1` — so benchmarks can show
/// single-threaded figures beside single-threaded peers. (Other values are read as "every core".)
public enum Parallelism {
    public static let isSingleThreaded = ProcessInfo.processInfo.environment["AMTSWEG_THREADS"] == "1"

    /// The number of threads parallel work spreads over.
    public static var threads: Int { isSingleThreaded ? 1 : ProcessInfo.processInfo.activeProcessorCount }
}
