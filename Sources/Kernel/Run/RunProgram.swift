import RISCV

/// Runs `image` as a user process on a fresh hart with hosted trap delivery and returns how it
/// ended and its counters. At the end, MAP_SHARED pages are written back to their files, as the
/// process's exit would.
///
/// Throws only for tinyrv's own setup failures: guest RAM that cannot be reserved
/// (`PhysicalMemory.Error`) or a program that cannot be loaded (`ProcessSetupError`). Everything
/// the guest does, including running out of RAM, ends in an `ExitOutcome`. Kill lines are not
/// printed here; the caller prints `outcome.diagnosticLine`.
public func runProgram(_ image: ProgramImage, options: RunOptions) throws -> (outcome: ExitOutcome, stats: RunStats) {
    let memory = try PhysicalMemory(size: options.memorySize)
    let hart = Hart(memory: memory, delivery: .hosted)
    let process = try Process(image: image, hart: hart, frames: FrameAllocator(memory: memory), options: options)
    let outcome = process.run(maxInstructions: options.maxInstructions)
    process.addressSpace.writeBackSharedPages(from: 0, to: PageTable.userLimit)
    return (outcome, process.stats)
}
