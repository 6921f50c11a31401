// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]


let package = Package(
    name: "Amtsweg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "amtsweg", targets: ["amtsweg"]),
        .library(name: "AmtswegCore", targets: ["AmtswegCore"]),
        .library(name: "AmtswegDemo", targets: ["AmtswegDemo"]),
        .library(name: "AmtswegInterchange", targets: ["AmtswegInterchange"]),
        .library(name: "AmtswegStore", targets: ["AmtswegStore"]),
        .library(name: "AmtswegServer", targets: ["AmtswegServer"]),
        .library(name: "AmtswegXML", targets: ["AmtswegXML"]),
        .library(name: "BPMN", targets: ["BPMN"]),
        .library(name: "FIM", targets: ["FIM"]),
        .library(name: "ProcessBPMN", targets: ["ProcessBPMN"]),
        .library(name: "ProcessMining", targets: ["ProcessMining"]),
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(name: "AmtswegSupport", swiftSettings: strict),
        .target(name: "AmtswegCore", dependencies: ["AmtswegSupport"], swiftSettings: strict),
        .target(name: "AmtswegXML", swiftSettings: strict),
        .target(name: "BPMN", dependencies: ["AmtswegSupport", "AmtswegXML"], swiftSettings: strict),
        .target(
            name: "ProcessMining",
            dependencies: [
                "AmtswegXML", "AmtswegSupport", .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        .target(name: "ProcessBPMN", dependencies: ["AmtswegCore", "BPMN", "AmtswegXML"], swiftSettings: strict),
        /// Text reports (tables, the Ist-Analyse, process figures) that the command line prints.
        .target(name: "AmtswegReports", dependencies: ["AmtswegCore"], swiftSettings: strict),
        /// Exchange formats of the map: the tenant as JSON, CSV imports from HR and Excel exports.
        .target(name: "AmtswegInterchange", dependencies: ["AmtswegCore"], swiftSettings: strict),
        /// The demo municipality Musterstadt: data, not domain, so it lives beside the core.
        .target(
            name: "AmtswegDemo", dependencies: ["AmtswegCore", "AmtswegSupport", "FIM", "ProcessBPMN"],
            swiftSettings: strict),
        /// The process map of an event log: simplification, a layered layout and its drawing, and the measures
        /// of a drawing's readability.
        .target(
            name: "ProcessMaps", dependencies: ["AmtswegSupport", "AmtswegXML", "ProcessMining"],
            swiftSettings: strict),
        /// FIM and OZG: the OZG catalogue's reader, the maturity models as data, XProzess 2 messages.
        .target(
            name: "FIM",
            dependencies: [
                "AmtswegCore", "AmtswegInterchange", "AmtswegXML", "BPMN",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")], swiftSettings: strict),
        .target(
            name: "MinedProcesses", dependencies: ["AmtswegCore", "ProcessMining", "ProcessBPMN"],
            swiftSettings: strict),
        .target(
            name: "AmtswegStore",
            dependencies: [
                "AmtswegCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AmtswegServer",
            dependencies: [
                "AmtswegCore", "AmtswegDemo", "AmtswegStore", "AmtswegSupport", "AmtswegXML", "BPMN", "FIM", "ProcessBPMN",
                "ProcessMining", "MinedProcesses", "ProcessMaps",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "amtsweg",
            dependencies: [
                "AmtswegCore", "AmtswegDemo", "AmtswegInterchange", "AmtswegReports", "AmtswegStore", "AmtswegServer", "BPMN",
                "FIM", "ProcessBPMN",
                "ProcessMining",
                "MinedProcesses",
                "ProcessMaps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "MapBenchmark",
            dependencies: ["AmtswegCore", "AmtswegInterchange", "AmtswegStore", "AmtswegSupport"],
            path: "bench/MapBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "BPMNBenchmark",
            dependencies: ["BPMN", "AmtswegXML"],
            path: "bench/BPMNBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "MiningBenchmark",
            dependencies: ["ProcessMining"],
            path: "bench/MiningBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "LayoutQuality",
            dependencies: ["ProcessMaps", "ProcessMining"],
            path: "bench/LayoutQuality",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ServeCeiling",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "bench/ServeCeiling",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ProcessBenchmark",
            dependencies: ["AmtswegCore", "AmtswegDemo", "AmtswegSupport"],
            path: "bench/ProcessBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "RoadmapBenchmark",
            dependencies: ["AmtswegCore", "AmtswegDemo", "AmtswegInterchange", "AmtswegServer", "AmtswegStore"],
            path: "bench/RoadmapBenchmark",
            swiftSettings: strict
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        /// Every reader of user files as a function of bytes: driven by the libFuzzer runner (fuzz/run) and
        /// replayed on the saved crash inputs by FuzzRegressionTests.
        .target(
            name: "FuzzTargets",
            dependencies: ["AmtswegCore", "AmtswegInterchange", "AmtswegSupport", "BPMN", "FIM", "ProcessMining"],
            path: "fuzz/Targets", swiftSettings: strict),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "AmtswegCoreTests",
            dependencies: [
                "AmtswegCore", "AmtswegDemo", "AmtswegInterchange", "AmtswegReports", "AmtswegSupport", "TestSupport",
            ],
            swiftSettings: strict),
        .testTarget(name: "AmtswegXMLTests", dependencies: ["AmtswegXML", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "BPMNTests", dependencies: ["BPMN", "AmtswegSupport", "AmtswegXML", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ProcessMiningTests", dependencies: ["ProcessMining", "TestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "ProcessBPMNTests", dependencies: ["ProcessBPMN", "AmtswegCore", "AmtswegDemo", "BPMN", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "AmtswegStoreTests",
            dependencies: ["AmtswegCore", "AmtswegDemo", "AmtswegInterchange", "AmtswegStore", "FIM", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "AmtswegServerTests",
            dependencies: [
                "AmtswegServer", "AmtswegCore", "AmtswegDemo", "AmtswegStore", "FIM", "ProcessMining", "BPMN", "ProcessBPMN", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ProcessMapsTests", dependencies: ["ProcessMaps", "ProcessMining", "AmtswegSupport", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "FIMTests",
            dependencies: [
                "FIM", "AmtswegCore", "AmtswegDemo", "AmtswegInterchange", "AmtswegXML", "BPMN", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "MinedProcessesTests",
            dependencies: ["MinedProcesses", "ProcessMining", "ProcessBPMN", "BPMN", "AmtswegCore", "TestSupport"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
