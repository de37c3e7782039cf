import XLSX

/// Reads every cell of every sheet and prints the checksum line of ../shared/bench/read_bench.py.
func readBench(_ arguments: [String]) throws {
    throw XLSXError.invalidOperation("xlsx-bench read: the reader is not built yet")
}
