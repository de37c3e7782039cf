// xlsx-bench: the driver behind every figure in BENCHMARKS.md.
//
//   xlsx-bench read FILE                 read every cell, print the checksum line
//   xlsx-bench write ROWS OUT [--streaming] [--level N]
//   xlsx-bench inflate FILE              inflate every entry, print bytes
#if canImport(Glibc)
import Glibc
#endif
import XLSX

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    print("usage: xlsx-bench read FILE | write ROWS OUT [--streaming] [--level N] | inflate FILE")
    exit(2)
}
do {
    switch command {
    case "inflate": try inflateBench(Array(arguments.dropFirst()))
    case "read": try readBench(Array(arguments.dropFirst()))
    case "write": try writeBench(Array(arguments.dropFirst()))
    case "fill": try templateBench(Array(arguments.dropFirst()), scratch: false)
    case "fill-scratch": try templateBench(Array(arguments.dropFirst()), scratch: true)
    default:
        print("unknown command \(command)")
        exit(2)
    }
} catch let error as XLSXError {
    print(error.message(.en))
    exit(1)
}
