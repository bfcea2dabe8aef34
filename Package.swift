// swift-tools-version:6.0
import PackageDescription

// Layers (data flows down, nothing reaches upward):
//   tinyrv -> TinyRVCommands -> GDBStub -> Kernel -> ELF -> CLibELF
//                                                \-> RISCV
let hotLoopFlags: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xllvm", "-tail-dup-indirect-size=40", "-Xllvm", "-tail-dup-pred-size=256", "-Xllvm", "-tail-dup-succ-size=256"]),
]

let package = Package(
    name: "tinyrv",
    products: [
        .executable(name: "tinyrv", targets: ["tinyrv"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibELF",
            providers: [.apt(["libelf-dev"])]
        ),
        .target(name: "ELF", dependencies: ["CLibELF"]),
        .target(name: "RISCV", swiftSettings: hotLoopFlags),
        .target(name: "CHostSys"),
        // The kernel runs between hart.run calls on every trap: no dynamic exclusivity checks there either.
        .target(name: "Kernel", dependencies: ["RISCV", "ELF", "CHostSys"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "GDBStub", dependencies: ["Kernel", "RISCV"]),
        .target(
            name: "TinyRVCommands",
            dependencies: [
                "GDBStub", "Kernel", "RISCV", "ELF",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tinyrv", dependencies: ["TinyRVCommands"]),
        .testTarget(name: "ELFTests", dependencies: ["ELF"]),
        .testTarget(name: "RISCVTests", dependencies: ["RISCV"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "RISCV", "ELF"]),
        .testTarget(name: "GDBStubTests", dependencies: ["GDBStub", "Kernel", "RISCV"]),
        .testTarget(name: "TinyRVCommandsTests", dependencies: ["TinyRVCommands"]),
    ],
    swiftLanguageModes: [.v5]
)
