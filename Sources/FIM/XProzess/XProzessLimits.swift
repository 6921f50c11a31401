/// Bounds for reading an XProzess message: the message, each embedded file once decoded, and a ZIP archive
/// inside one (entries, their total size once unpacked, and how much they may grow over their packed size).
public struct XProzessLimits: Sendable, Hashable {
    /// The whole message (the corpus's export with three embedded files is 1.6 MB).
    public var maxMessageBytes: Int
    /// One embedded file after base64 decoding.
    public var maxEmbeddedBytes: Int
    /// All files of one embedded ZIP archive together, unpacked.
    public var maxUnpackedBytes: Int
    public var maxZIPEntries: Int
    /// Unpacked size over packed size of an entry beyond which it counts as a ZIP bomb.
    public var maxCompressionRatio: Int

    public init(
        maxMessageBytes: Int = 64 << 20, maxEmbeddedBytes: Int = 32 << 20, maxUnpackedBytes: Int = 64 << 20,
        maxZIPEntries: Int = 200, maxCompressionRatio: Int = 200
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxEmbeddedBytes = maxEmbeddedBytes
        self.maxUnpackedBytes = maxUnpackedBytes
        self.maxZIPEntries = maxZIPEntries
        self.maxCompressionRatio = maxCompressionRatio
    }
}
