// swift-tools-version:6.0
import PackageDescription

// Layers (data flows down, nothing reaches upward):
//   tinyrv -> TinyRVCommands -> GDBStub -> Kernel -> ELF -> CLibELF
//                                                \-> RISCV
let hotLoopFlags: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xllvm", "-tail-dup-indirect-size=40", "-Xllvm", "-tail-dup-pred-size=256", "-Xllvm", "-tail-dup-succ-size=256",
                  "-Xfrontend", "-function-sections"]),
]

// Hot loop placement. Where the fast loop (`Hart.runFast`) lands in memory changes its speed on this
// machine's AMD EPYC by up to 45% (the hash benchmark: 3.07 s with the loop 0xe0 bytes into a page,
// 3.2 s at 0x420, 3.6 s at 0x210, 4.6 s at 0x000; the other benchmarks within 1%), and it moved with
// every change to the kernel's code size. So the linker (lld, with the RISCV functions in sections of
// their own) places it first in .text after a page-aligned pad (Sources/HotLoopPlacement), at 0xe0.
let packageDirectory = String(#filePath.dropLast("/Package.swift".count))
let hotLoopPlacement: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "--symbol-ordering-file=\(packageDirectory)/Sources/HotLoopPlacement/hot-loop.order"]),
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
        .target(name: "HotLoopPlacement", exclude: ["hot-loop.order"]),
        .executableTarget(name: "tinyrv", dependencies: ["TinyRVCommands", "HotLoopPlacement"], linkerSettings: hotLoopPlacement),
        .testTarget(name: "ELFTests", dependencies: ["ELF"]),
        .testTarget(name: "RISCVTests", dependencies: ["RISCV"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "RISCV", "ELF"]),
        .testTarget(name: "GDBStubTests", dependencies: ["GDBStub", "Kernel", "RISCV"]),
        .testTarget(name: "TinyRVCommandsTests", dependencies: ["TinyRVCommands"]),
    ],
    swiftLanguageModes: [.v5]
)
