import ArgumentParser
import Platform

extension Language: ExpressibleByArgument {}

/// `--lang sv|en`; the kommun's own language when not given.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Output language: sv or en (default: the kommun's language).")
    var language: Language?

    func resolved(for config: KommunConfig) -> Language {
        language ?? config.kommun.language
    }
}
