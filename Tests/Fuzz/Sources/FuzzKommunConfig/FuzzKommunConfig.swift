import Platform

/// libFuzzer's entry: any bytes as a kommun file, decoded and its diagnostics rendered as `validate` does.
/// A crash, a trap or a hang is a finding; problems in the file are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKommunConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let loaded = KommunConfigLoader().decode(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.yaml")
    _ = loaded.renderedDiagnostics
    _ = loaded.errorSummary
    return 0
}
