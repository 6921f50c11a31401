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
        .library(name: "AmtswegStore", targets: ["AmtswegStore"]),
        .library(name: "AmtswegXML", targets: ["AmtswegXML"]),
        .library(name: "BPMN", targets: ["BPMN"]),
        .library(name: "ProcessBPMN", targets: ["ProcessBPMN"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
    ],
    targets: [
        .target(name: "AmtswegCore", swiftSettings: strict),
        .target(name: "AmtswegXML", swiftSettings: strict),
        .target(name: "BPMN", dependencies: ["AmtswegXML"], swiftSettings: strict),
        .target(name: "ProcessBPMN", dependencies: ["AmtswegCore", "BPMN", "AmtswegXML"], swiftSettings: strict),
        .target(
            name: "AmtswegStore",
            dependencies: [
                "AmtswegCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "amtsweg",
            dependencies: [
                "AmtswegCore", "AmtswegStore", "BPMN", "ProcessBPMN",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "MapBenchmark",
            dependencies: ["AmtswegCore", "AmtswegStore"],
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
            name: "ProcessBenchmark",
            dependencies: ["AmtswegCore"],
            path: "bench/ProcessBenchmark",
            swiftSettings: strict
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "AmtswegCoreTests", dependencies: ["AmtswegCore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "AmtswegXMLTests", dependencies: ["AmtswegXML", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "BPMNTests", dependencies: ["BPMN", "AmtswegXML", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ProcessBPMNTests", dependencies: ["ProcessBPMN", "AmtswegCore", "BPMN", "TestSupport"],
            swiftSettings: strict),
        .testTarget(name: "AmtswegStoreTests", dependencies: ["AmtswegCore", "AmtswegStore"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
